package io.switchboard.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.json.CodecRegistry;
import io.switchboard.json.Json;
import io.switchboard.json.JsonCodec;
import io.switchboard.json.JsonDecodeException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Generated codecs on every supported type: JSON read then written back must be the same JSON (as
 * Jackson databind's trees see it), Jackson databind must write the same JSON for the same objects
 * where it can see them, and bad input must fail with the JSON path of the offending value.
 */
class CodecRoundTripTest {

  private static final String PACKAGE = "model";
  private static final ObjectMapper ORACLE = new ObjectMapper();

  private static Compiled compiled;
  private static CodecRegistry registry;

  @BeforeAll
  static void compile() throws Exception {
    String[] names = {"Everything", "Color", "Item", "Order", "Bean", "Fields", "Node", "Husband", "Wife", "Note", "Outer", "Holder", "Tricky", "Mixed", "Empty"};
    String[] sources = new String[names.length * 2];
    for (int i = 0; i < names.length; i++) {
      sources[2 * i] = PACKAGE + "." + names[i];
      sources[2 * i + 1] = new String(
          CodecRoundTripTest.class.getResourceAsStream("/model/" + names[i] + ".java").readAllBytes(),
          java.nio.charset.StandardCharsets.UTF_8);
    }
    compiled = Compiled.compile(sources);
    registry = CodecRegistry.load(compiled.loader());
  }

  @AfterAll
  static void close() throws Exception {
    compiled.close();
  }

  @SuppressWarnings("unchecked")
  private static JsonCodec<Object> codec(String type) {
    JsonCodec<Object> codec = (JsonCodec<Object>) registry.find(compiled.load(PACKAGE + "." + type));
    assertNotNull(codec, "no codec registered for " + type);
    return codec;
  }

  private static Object read(String type, String json) throws Exception {
    return Json.readValue(codec(type), json);
  }

  private static String write(String type, Object value) {
    return Json.writeString(codec(type), value);
  }

  /** Reads and writes back, and checks the JSON is unchanged. */
  private static Object assertRoundTrip(String type, String json) throws Exception {
    Object value = read(type, json);
    String written = write(type, value);
    assertEquals(ORACLE.readTree(json), ORACLE.readTree(written), "written back: " + written);
    assertEquals(written, write(type, read(type, written)), "stable after a second round trip");
    return value;
  }

  private static JsonDecodeException assertDecodeError(String type, String json, String path) {
    JsonDecodeException error = assertThrows(JsonDecodeException.class, () -> read(type, json));
    assertEquals(path, error.path(), error.getMessage());
    return error;
  }

  private static final String EVERYTHING = """
      {
        "flag": true, "b": -128, "s": 32767, "i": -7, "l": 9007199254740993, "f": 1.5, "d": -2.25, "c": "x",
        "boxedFlag": null, "boxedInt": 42, "boxedLong": null, "boxedDouble": 0.5, "boxedChar": "y",
        "text": "h\\u00e9llo \\"quoted\\"", "price": 12345678901234567890.123456789, "big": 123456789012345678901234567890,
        "at": "2024-05-01T10:15:30Z", "day": "2024-05-01", "time": "10:15:30", "local": "2024-05-01T10:15:30",
        "offset": "2024-05-01T10:15:30+02:00", "zoned": "2024-05-01T10:15:30+02:00[Europe/Paris]",
        "duration": "PT1H30M", "id": "123e4567-e89b-12d3-a456-426614174000",
        "tags": ["a", "b", null], "numbers": [3, 1, 2], "series": {"x": [1, 2], "y": []},
        "maybe": "2024-01-01T00:00:00Z", "nothing": null,
        "ints": [1, -2, 3], "longs": [4], "doubles": [0.25, 1.0E10], "flags": [true, false], "bytes": "AAEC/w==",
        "names": ["x", null], "colors": ["RED", "dark-blue"],
        "color": "GREEN", "item": {"name": "pen", "price": 1.50}, "items": [{"name": "ink", "price": 3}],
        "first name": "Ada", "bean": {"name": "b", "count": 3, "active": true}, "fields": {"label": "l", "notes": ["n"], "weight": 2}
      }
      """;

  @Test
  void everySupportedTypeRoundTrips() throws Exception {
    Object value = assertRoundTrip("Everything", EVERYTHING);
    String written = write("Everything", value);
    assertTrue(written.contains("\"first name\":\"Ada\""), "@JsonProperty renames a record component");
    assertTrue(written.contains("\"colors\":[\"RED\",\"dark-blue\"]"), "@JsonProperty renames an enum constant");
    assertTrue(written.contains("\"price\":12345678901234567890.123456789"), "BigDecimal stays exact");
  }

  @Test
  void optionalMembersMayBeAbsentAndUnknownMembersAreSkipped() throws Exception {
    String json = EVERYTHING.replace("\"maybe\": \"2024-01-01T00:00:00Z\", \"nothing\": null,",
        "\"unknown\": {\"deep\": [1, {\"x\": [2]}]}, \"also\": null,");
    Object value = read("Everything", json);
    assertTrue(write("Everything", value).contains("\"maybe\":null,\"nothing\":null"));
    Object maybe = value.getClass().getMethod("maybe").invoke(value);
    assertEquals(Optional.empty(), maybe);
  }

  @Test
  void jacksonDatabindWritesTheSameJsonForRecordsBeansFieldsAndEnums() throws Exception {
    for (String[] sample : new String[][] {
        {"Item", "{\"name\":\"pen\",\"price\":1.5}"},
        {"Order", "{\"id\":7,\"items\":[{\"name\":\"a\",\"price\":1},{\"name\":\"b\",\"price\":2.5}],\"note\":null}"},
        {"Bean", "{\"name\":\"b\",\"count\":3,\"active\":true}"},
        {"Fields", "{\"label\":\"l\",\"notes\":[\"n\",\"m\"],\"weight\":2}"},
        {"Node", "{\"name\":\"root\",\"children\":[{\"name\":\"leaf\",\"children\":[]}]}"},
        {"Color", "\"dark-blue\""},
    }) {
      Object value = read(sample[0], sample[1]);
      assertEquals(ORACLE.readTree(ORACLE.writeValueAsString(value)), ORACLE.readTree(write(sample[0], value)), sample[0]);
      Object byDatabind = ORACLE.readValue(sample[1], compiled.load(PACKAGE + "." + sample[0]));
      assertEquals(ORACLE.writeValueAsString(byDatabind), ORACLE.writeValueAsString(value), sample[0] + " read alike");
    }
  }

  @Test
  void aWrongTypeNamesItsPath() {
    String order = "{\"id\":1,\"items\":[{\"name\":\"a\",\"price\":1},{\"name\":\"b\",\"price\":2},{\"name\":\"c\",\"price\":\"x\"}]}";
    JsonDecodeException error = assertDecodeError("Order", order, "$.items[2].price");
    assertEquals("$.items[2].price: expected a number, got \"x\"", error.getMessage());
    assertDecodeError("Order", "{\"id\":\"seven\",\"items\":[]}", "$.id");
    assertDecodeError("Order", "{\"id\":1,\"items\":{}}", "$.items");
    assertDecodeError("Order", "[]", "$");
    assertDecodeError("Everything", EVERYTHING.replace("\"color\": \"GREEN\"", "\"color\": \"PINK\""), "$.color");
    assertDecodeError("Everything", EVERYTHING.replace("\"at\": \"2024-05-01T10:15:30Z\"", "\"at\": \"yesterday\""), "$.at");
    assertDecodeError("Everything", EVERYTHING.replace("\"b\": -128", "\"b\": 300"), "$.b");
    assertDecodeError("Everything", EVERYTHING.replace("\"i\": -7", "\"i\": 1.5"), "$.i");
    assertDecodeError("Everything", EVERYTHING.replace("\"i\": -7", "\"i\": 12345678901"), "$.i");
    assertDecodeError("Everything", EVERYTHING.replace("\"ints\": [1, -2, 3]", "\"ints\": [1, null]"), "$.ints[1]");
    assertDecodeError("Everything", EVERYTHING.replace("\"series\": {\"x\": [1, 2]", "\"series\": {\"x\": [1, \"two\"]"), "$.series.x[1]");
    assertDecodeError("Everything", EVERYTHING.replace("\"first name\": \"Ada\"", "\"first name\": [1]"), "$['first name']");
    assertDecodeError("Everything", EVERYTHING.replace("\"c\": \"x\"", "\"c\": \"xy\""), "$.c");
    assertDecodeError("Everything", EVERYTHING.replace("\"bean\": {\"name\": \"b\"", "\"bean\": {\"name\": {}"), "$.bean.name");
  }

  @Test
  void aMissingRequiredMemberNamesItsPath() {
    assertDecodeError("Order", "{\"id\":1,\"items\":[{\"name\":\"a\",\"price\":1},{\"name\":\"b\"}]}", "$.items[1].price");
    JsonDecodeException error = assertDecodeError("Order", "{\"items\":[]}", "$.id");
    assertEquals("$.id: required field is missing", error.getMessage());
    assertDecodeError("Everything", EVERYTHING.replace("\"flag\": true,", ""), "$.flag");
    assertDecodeError("Fields", "{\"label\":\"l\"}", "$.weight");
    assertDecodeError("Node", "{\"name\":\"root\",\"children\":[{\"name\":\"leaf\"}]}", "$.children[0].children");
  }

  @Test
  void nullPrimitivesAreRejectedButNullReferencesAreKept() throws Exception {
    assertDecodeError("Everything", EVERYTHING.replace("\"d\": -2.25", "\"d\": null"), "$.d");
    Object order = read("Order", "{\"id\":1,\"items\":null,\"note\":null}");
    assertEquals("{\"id\":1,\"items\":null,\"note\":null}", write("Order", order));
  }

  @Test
  void beansAndPublicFieldsAreOptionalUnlessRequired() throws Exception {
    Object bean = read("Bean", "{}");
    assertEquals("{\"name\":null,\"count\":0,\"active\":false}", write("Bean", bean));
    Object fields = read("Fields", "{\"weight\":1}");
    assertEquals("{\"label\":null,\"notes\":null,\"weight\":1}", write("Fields", fields));
  }

  @Test
  void aRecordWithoutComponentsIsAnEmptyObject() throws Exception {
    assertRoundTrip("Empty", "{}");
    assertEquals("{}", write("Empty", read("Empty", "{\"anything\":[1,2]}")));
  }

  @Test
  void settersWinOverFieldsAndMustMatchTheGetter() throws Exception {
    Object mixed = read("Mixed", "{\"label\":\"  padded  \",\"size\":3,\"kind\":\"ignored\"}");
    assertEquals("{\"label\":\"padded\",\"size\":3,\"kind\":\"none\"}", write("Mixed", mixed));
    JsonDecodeException refused = assertDecodeError("Mixed", "{\"label\":\"x\",\"size\":-1}", "$.size");
    assertEquals("$.size: invalid value: size must not be negative", refused.getMessage());
  }

  @Test
  void recursiveAndMutuallyRecursiveTypesRoundTrip() throws Exception {
    assertRoundTrip("Node", "{\"name\":\"a\",\"children\":[{\"name\":\"b\",\"children\":[{\"name\":\"c\",\"children\":[]}]}]}");
    assertRoundTrip("Husband", "{\"name\":\"h\",\"wife\":{\"name\":\"w\",\"husband\":{\"name\":\"h2\",\"wife\":null}}}");
  }

  @Test
  void mutuallyRecursiveCodecsInitializeConcurrentlyWithoutDeadlock() throws Exception {
    // Fresh classes, so both codecs' initialization really races.
    try (Compiled fresh = Compiled.compile(
        "model.Husband", resource("Husband"), "model.Wife", resource("Wife"))) {
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        Callable<Object> husband = () -> fresh.load("model.Husband_JsonCodec").getField("INSTANCE").get(null);
        Callable<Object> wife = () -> fresh.load("model.Wife_JsonCodec").getField("INSTANCE").get(null);
        List<Future<Object>> both = pool.invokeAll(List.of(husband, wife), 10, TimeUnit.SECONDS);
        for (Future<Object> codec : both) {
          assertNotNull(codec.get(1, TimeUnit.SECONDS));
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  private static String resource(String name) throws Exception {
    return new String(CodecRoundTripTest.class.getResourceAsStream("/model/" + name + ".java").readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void memberNamesNeverClashWithTheCodecsOwnNames() throws Exception {
    assertRoundTrip("Tricky", "{\"parser\":\"p\",\"member\":1,\"value\":\"v\",\"instance\":\"i\",\"hasParser\":\"h\",\"refusal\":\"r\"}");
    assertDecodeError("Tricky", "{\"parser\":\"p\",\"member\":1,\"value\":\"v\",\"instance\":\"i\",\"refusal\":\"r\"}", "$.hasParser");
  }

  @Test
  void nestedTypesGetOuterInnerCodecs() throws Exception {
    assertRoundTrip("Outer$Inner", "{\"value\":3}");
    assertEquals("model.Outer_Inner_JsonCodec", codec("Outer$Inner").getClass().getName());
  }

  @Test
  void aSingleStringTypeBuildsFromATextLine() throws Exception {
    Object note = codec("Note").fromText("hello there");
    assertEquals("{\"text\":\"hello there\"}", write("Note", note));
    JsonDecodeException refused = assertThrows(JsonDecodeException.class, () -> codec("Note").fromText(" "));
    assertEquals("$: invalid value: a note needs some text", refused.getMessage());
    assertDecodeError("Note", "{\"text\":\"\"}", "$");
    Object color = codec("Color").fromText("dark-blue");
    assertEquals("\"dark-blue\"", write("Color", color));
    assertEquals("\"dark-blue\"", Json.writeString(registry.forValue(color), color), "found by its enum, not its body's class");
    JsonDecodeException error = assertThrows(JsonDecodeException.class, () -> codec("Color").fromText("pink"));
    assertEquals("$: expected one of \"RED\", \"GREEN\", \"dark-blue\", got \"pink\"", error.getMessage());
    Object item = codec("Item").fromText("{\"name\":\"pen\",\"price\":2}");
    assertEquals("{\"name\":\"pen\",\"price\":2}", write("Item", item));
  }

  @Test
  void jsonNodeMembersKeepFreeFormJson() throws Exception {
    Object holder = assertRoundTrip("Holder", "{\"label\":\"x\",\"extra\":{\"any\":[1,\"two\",{\"three\":null}]}}");
    JsonNode extra = (JsonNode) holder.getClass().getMethod("extra").invoke(holder);
    assertEquals("two", extra.get("any").get(1).asText());
  }
}
