package io.switchboard.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CodecsTest {

  private static <T> void assertRoundTrip(JsonCodec<T> codec, T value, String json) throws Exception {
    assertEquals(json, Json.writeString(codec, value));
    assertEquals(value, Json.readValue(codec, json));
  }

  private static JsonDecodeException assertDecodeError(JsonCodec<?> codec, String json, String message) {
    JsonDecodeException error = assertThrows(JsonDecodeException.class, () -> Json.readValue(codec, json));
    assertEquals(message, error.getMessage());
    return error;
  }

  @Test
  void scalarsRoundTrip() throws Exception {
    assertRoundTrip(Codecs.BOOLEAN, true, "true");
    assertRoundTrip(Codecs.BYTE, (byte) -128, "-128");
    assertRoundTrip(Codecs.SHORT, (short) 32767, "32767");
    assertRoundTrip(Codecs.INT, Integer.MIN_VALUE, "-2147483648");
    assertRoundTrip(Codecs.LONG, Long.MAX_VALUE, "9223372036854775807");
    assertRoundTrip(Codecs.FLOAT, 1.5f, "1.5");
    assertRoundTrip(Codecs.DOUBLE, -0.25, "-0.25");
    assertRoundTrip(Codecs.CHAR, 'é', "\"é\"");
    assertRoundTrip(Codecs.STRING, "a \"quoted\" line\n", "\"a \\\"quoted\\\" line\\n\"");
    assertRoundTrip(Codecs.BIG_DECIMAL, new BigDecimal("12345678901234567890.000000001"), "12345678901234567890.000000001");
    assertRoundTrip(Codecs.BIG_INTEGER, new BigInteger("-123456789012345678901234567890"), "-123456789012345678901234567890");
  }

  @Test
  void nullReadsAsNullAndWritesAsNull() throws Exception {
    for (JsonCodec<?> codec : List.of(Codecs.INT, Codecs.STRING, Codecs.INSTANT, Codecs.listOf(Codecs.INT), Codecs.mapOf(Codecs.INT))) {
      assertNull(Json.readValue(codec, "null"));
    }
    assertEquals("null", Json.writeString(Codecs.BIG_DECIMAL, null));
  }

  @Test
  void javaTimeTypesAreIsoStrings() throws Exception {
    assertRoundTrip(Codecs.INSTANT, Instant.parse("2024-05-01T10:15:30.123Z"), "\"2024-05-01T10:15:30.123Z\"");
    assertRoundTrip(Codecs.LOCAL_DATE, LocalDate.of(2024, 2, 29), "\"2024-02-29\"");
    assertRoundTrip(Codecs.LOCAL_TIME, LocalTime.of(23, 59, 1), "\"23:59:01\"");
    assertRoundTrip(Codecs.LOCAL_DATE_TIME, LocalDateTime.of(2024, 5, 1, 10, 15), "\"2024-05-01T10:15\"");
    assertRoundTrip(Codecs.OFFSET_DATE_TIME, OffsetDateTime.parse("2024-05-01T10:15:30+02:00"), "\"2024-05-01T10:15:30+02:00\"");
    assertRoundTrip(Codecs.ZONED_DATE_TIME, ZonedDateTime.parse("2024-05-01T10:15:30+02:00[Europe/Paris]"),
        "\"2024-05-01T10:15:30+02:00[Europe/Paris]\"");
    assertRoundTrip(Codecs.DURATION, Duration.ofMillis(1500), "\"PT1.5S\"");
    UUID id = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
    assertRoundTrip(Codecs.UUID_CODEC, id, "\"123e4567-e89b-12d3-a456-426614174000\"");
  }

  @Test
  void wrongTypesNameWhatWasExpected() {
    assertDecodeError(Codecs.INT, "\"one\"", "$: expected an integer, got \"one\"");
    assertDecodeError(Codecs.INT, "1.5", "$: expected an integer, got 1.5");
    assertDecodeError(Codecs.INT, "3000000000", "$: expected an integer from -2147483648 to 2147483647, got 3000000000");
    assertDecodeError(Codecs.LONG, "\"9223372036854775808\"",
        "$: expected an integer from -9223372036854775808 to 9223372036854775807, got \"9223372036854775808\"");
    assertDecodeError(Codecs.BYTE, "200", "$: expected an integer from -128 to 127, got 200");
    assertDecodeError(Codecs.BOOLEAN, "2", "$: expected a boolean, got 2");
    assertDecodeError(Codecs.BOOLEAN, "[]", "$: expected a boolean, got an array");
    assertDecodeError(Codecs.STRING, "{}", "$: expected a string, got an object");
    assertDecodeError(Codecs.CHAR, "\"ab\"", "$: expected a string of one character, got a string");
    assertDecodeError(Codecs.INSTANT, "\"yesterday\"", "$: expected an ISO-8601 instant, got \"yesterday\"");
    assertDecodeError(Codecs.UUID_CODEC, "42", "$: expected a UUID, got an integer");
    assertDecodeError(Codecs.listOf(Codecs.INT), "[1,2,true]", "$[2]: expected an integer, got a boolean");
    assertDecodeError(Codecs.mapOf(Codecs.listOf(Codecs.LONG)), "{\"a\":[1],\"b c\":[2,\"x\"]}",
        "$['b c'][1]: expected an integer, got \"x\"");
    assertDecodeError(Codecs.listOf(Codecs.INT), "{}", "$: expected an array, got an object");
    assertDecodeError(Codecs.mapOf(Codecs.INT), "[]", "$: expected an object, got an array");
  }

  @Test
  void badValuesAreQuotedShortInErrors() {
    String longDate = "x".repeat(1000);
    JsonDecodeException error = assertThrows(JsonDecodeException.class,
        () -> Json.readValue(Codecs.LOCAL_DATE, "\"" + longDate + "\""));
    assertEquals("$: expected an ISO-8601 date, got \"" + "x".repeat(60) + "...\"", error.getMessage());
    assertDecodeError(Codecs.BYTE_ARRAY, "\"not base64!\"", "$: expected a base64 string, got \"not base64!\"");
  }

  @Test
  void textBeyondTheParserLimitsIsABadRequest() {
    JsonCodec<?> nested = Codecs.INT;
    for (int i = 0; i < 100; i++) {
      nested = Codecs.listOf(nested);
    }
    JsonCodec<?> deep = nested;
    String text = "[".repeat(100) + "]".repeat(100);
    JsonDecodeException error = assertThrows(JsonDecodeException.class, () -> deep.fromText(text));
    assertEquals("$", error.path());
    assertTrue(error.getMessage().contains("nested deeper than 64 levels"), error.getMessage());
  }

  @Test
  void numbersAreBoundedInLengthAndScale() throws Exception {
    assertDecodeError(Codecs.BIG_DECIMAL, "1e999999", "$: expected a number with a scale within ±1000, got 1e999999");
    assertDecodeError(Codecs.BIG_DECIMAL, "\"1e999999\"", "$: expected a number, got \"1e999999\"");
    assertDecodeError(Codecs.INT, "1e999999", "$: expected a number with a scale within ±1000, got 1e999999");
    assertDecodeError(Codecs.BIG_INTEGER, "1e-1001", "$: expected a number with a scale within ±1000, got 1e-1001");
    assertEquals(new BigDecimal("1e1000"), Json.readValue(Codecs.BIG_DECIMAL, "1e1000"));
    assertEquals(new BigDecimal("1e-1000"), Json.readValue(Codecs.BIG_DECIMAL, "\"1e-1000\""));

    String longest = "9".repeat(Json.MAX_NUMBER_LENGTH);
    assertEquals(new BigInteger(longest), Json.readValue(Codecs.BIG_INTEGER, "\"" + longest + "\""));
    JsonDecodeException tooLong = assertThrows(JsonDecodeException.class,
        () -> Json.readValue(Codecs.BIG_INTEGER, "\"" + longest + "9\""));
    assertTrue(tooLong.getMessage().startsWith("$: expected an integer, got \"999"), tooLong.getMessage());
    assertDecodeError(Codecs.BIG_INTEGER, longest + "9", "$: JSON beyond limits at column 202: a number longer than 200 characters");
  }

  @Test
  void loneSurrogatesAreReadAsIsAndWrittenEscaped() throws Exception {
    String lone = Json.readValue(Codecs.STRING, "\"a\\ud800b\"");
    assertEquals("a\ud800b", lone);
    assertEquals("\"a\\uD800b\"", Json.writeString(Codecs.STRING, lone));
  }

  @Test
  void nonFiniteFloatsTravelAsStrings() throws Exception {
    assertEquals("\"NaN\"", Json.writeString(Codecs.DOUBLE, Double.NaN));
    assertEquals(Double.NEGATIVE_INFINITY, Json.readValue(Codecs.DOUBLE, "\"-Infinity\""));
    assertDecodeError(Codecs.DOUBLE, "\"nan\"", "$: expected a number, got \"nan\"");
    assertDecodeError(Codecs.DOUBLE, "1e400", "$: expected a number in the range of double, got 1e400");
    assertDecodeError(Codecs.FLOAT, "1e39", "$: expected a number in the range of float, got 1e39");
  }

  @Test
  void textLineArgumentsParseAsTheScalar() throws Exception {
    assertEquals(42, Codecs.INT.fromText(" 42 "));
    assertEquals(21.5, Codecs.DOUBLE.fromText("21.5"));
    assertEquals(true, Codecs.BOOLEAN.fromText("true"));
    assertEquals(new BigDecimal("0.10"), Codecs.BIG_DECIMAL.fromText("0.10"));
    assertEquals(Instant.parse("2024-05-01T10:00:00Z"), Codecs.INSTANT.fromText("2024-05-01T10:00:00Z"));
    assertEquals("  as is ", Codecs.STRING.fromText("  as is "));
    assertEquals(Optional.of(7L), Codecs.optionalOf(Codecs.LONG).fromText("7"));
    JsonDecodeException error = assertThrows(JsonDecodeException.class, () -> Codecs.INT.fromText("forty"));
    assertEquals("$: expected an integer, got \"forty\"", error.getMessage());
    assertThrows(JsonDecodeException.class, () -> Codecs.BOOLEAN.fromText("yes"));
  }

  @Test
  void collectionsFromATextLineAreWordsOrJson() throws Exception {
    assertEquals(List.of(1, 2, 3), Codecs.listOf(Codecs.INT).fromText("1 2  3"));
    assertEquals(List.of(1, 2), Codecs.listOf(Codecs.INT).fromText("[1, 2]"));
    assertEquals(Set.of("a", "b"), Codecs.setOf(Codecs.STRING).fromText("a b a"));
    JsonDecodeException error = assertThrows(JsonDecodeException.class, () -> Codecs.listOf(Codecs.INT).fromText("1 two"));
    assertEquals("$[1]", error.path());
  }

  @Test
  void combinatorsRoundTrip() throws Exception {
    assertRoundTrip(Codecs.listOf(Codecs.STRING), java.util.Arrays.asList("a", null), "[\"a\",null]");
    assertRoundTrip(Codecs.setOf(Codecs.INT), Set.of(5), "[5]");
    Map<String, List<Long>> series = new LinkedHashMap<>();
    series.put("z", List.of(1L));
    series.put("a", List.of());
    assertRoundTrip(Codecs.mapOf(Codecs.listOf(Codecs.LONG)), series, "{\"z\":[1],\"a\":[]}");
    assertRoundTrip(Codecs.optionalOf(Codecs.INT), Optional.of(3), "3");
    assertRoundTrip(Codecs.optionalOf(Codecs.INT), Optional.empty(), "null");
    assertEquals(Optional.empty(), Codecs.optionalOf(Codecs.INT).absent());
    assertArrayEquals(new String[] {"x", "y"}, Json.readValue(Codecs.arrayOf(Codecs.STRING, String[]::new), "[\"x\",\"y\"]"));
    assertEquals("[\"x\"]", Json.writeString(Codecs.arrayOf(Codecs.STRING, String[]::new), new String[] {"x"}));
  }

  @Test
  void setsKeepTheFirstOccurrenceOrder() throws Exception {
    assertEquals(new ArrayList<>(List.of(3, 1, 2)), new ArrayList<>(Json.readValue(Codecs.setOf(Codecs.INT), "[3,1,3,2,1]")));
  }

  @Test
  void readCollectionsAreUnmodifiable() throws Exception {
    List<Integer> list = Json.readValue(Codecs.listOf(Codecs.INT), "[1]");
    assertThrows(UnsupportedOperationException.class, () -> list.add(2));
    Map<String, Integer> map = Json.readValue(Codecs.mapOf(Codecs.INT), "{\"a\":1}");
    assertThrows(UnsupportedOperationException.class, () -> map.put("b", 2));
  }

  @Test
  void primitiveArraysRejectNullElements() throws Exception {
    assertArrayEquals(new int[] {1, -2}, Json.readValue(Codecs.INT_ARRAY, "[1,-2]"));
    assertEquals("[1,-2]", Json.writeString(Codecs.INT_ARRAY, new int[] {1, -2}));
    assertArrayEquals(new long[] {4}, Json.readValue(Codecs.LONG_ARRAY, "[4]"));
    assertArrayEquals(new double[] {0.5}, Json.readValue(Codecs.DOUBLE_ARRAY, "[0.5]"));
    assertArrayEquals(new float[] {0.5f}, Json.readValue(Codecs.FLOAT_ARRAY, "[0.5]"));
    assertArrayEquals(new short[] {7}, Json.readValue(Codecs.SHORT_ARRAY, "[7]"));
    assertArrayEquals(new boolean[] {true, false}, Json.readValue(Codecs.BOOLEAN_ARRAY, "[true,false]"));
    assertEquals("[true,false]", Json.writeString(Codecs.BOOLEAN_ARRAY, new boolean[] {true, false}));
    assertDecodeError(Codecs.INT_ARRAY, "[1,null]", "$[1]: expected an integer, got null");
  }

  @Test
  void bytesAreBase64AndCharsAString() throws Exception {
    assertEquals("\"AAEC/w==\"", Json.writeString(Codecs.BYTE_ARRAY, new byte[] {0, 1, 2, -1}));
    assertArrayEquals(new byte[] {0, 1, 2, -1}, Json.readValue(Codecs.BYTE_ARRAY, "\"AAEC/w==\""));
    assertEquals("\"abc\"", Json.writeString(Codecs.CHAR_ARRAY, "abc".toCharArray()));
    // the same as Jackson databind's own choice for these types
    ObjectMapper mapper = new ObjectMapper();
    assertEquals(mapper.writeValueAsString(new byte[] {0, 1, 2, -1}), Json.writeString(Codecs.BYTE_ARRAY, new byte[] {0, 1, 2, -1}));
  }

  @Test
  void readNonNullRejectsNullWithTheExpectedType() throws Exception {
    try (var parser = Json.FACTORY.createParser("null")) {
      parser.nextToken();
      JsonDecodeException error = assertThrows(JsonDecodeException.class, () -> Codecs.readNonNull(parser, Codecs.LONG));
      assertEquals("$: expected an integer, got null", error.getMessage());
    }
  }

  @Test
  void theRegistryKnowsBuiltInsAndWritesDynamicShapes() throws Exception {
    CodecRegistry registry = CodecRegistry.of(Map.of());
    assertSame(Codecs.INT, registry.find(int.class));
    assertSame(Codecs.INT, registry.find(Integer.class));
    assertSame(Codecs.INSTANT, registry.find(Instant.class));
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("n", 1);
    payload.put("list", List.of("a", Optional.of(2.5), new int[] {3}));
    payload.put("none", null);
    assertEquals("{\"n\":1,\"list\":[\"a\",2.5,[3]],\"none\":null}", Json.writeString(registry.forValue(payload), payload));
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> registry.forValue(new Object()));
    assertTrue(error.getMessage().contains("@io.switchboard.WsMessage"), error.getMessage());
  }

  @Test
  void jsonNodesAreFreeFormJson() throws Exception {
    JsonNode node = Json.readValue(JsonNodeCodec.INSTANCE, "{\"a\":[1,\"two\",null],\"b\":{}}");
    assertEquals("two", node.get("a").get(1).asText());
    assertEquals("{\"a\":[1,\"two\",null],\"b\":{}}", Json.writeString(JsonNodeCodec.INSTANCE, node));
    ObjectNode object = new ObjectMapper().createObjectNode().put("x", 1);
    CodecRegistry registry = CodecRegistry.of(Map.of());
    assertEquals("{\"x\":1}", Json.writeString(registry.forValue(object), object));
    assertSame(JsonNodeCodec.INSTANCE, Codecs.builtIns().get(JsonNode.class));
  }
}
