package io.switchboard.json;

import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * Built-in codecs (scalars, JDK value types) and combinators (lists, sets, maps, arrays,
 * optionals) that generated codecs and dispatchers compose.
 *
 * <p>Scalar codecs read JSON {@code null} as {@code null} (the codecs of primitives are those of
 * their boxes; generated code reads a primitive with {@link #readNonNull}) and parse a text-line
 * argument as the scalar itself: {@code temp 21.5}, {@code at 2024-05-01T10:00:00Z}. java.time
 * types are ISO-8601 strings, as their {@code toString()} writes and their {@code parse} reads.
 * Collections read as unmodifiable ones, keeping the JSON order.
 */
public final class Codecs {

  private Codecs() {}

  /** Whether jackson-databind, an optional dependency, is on the class path. */
  private static final boolean JSON_NODE_AVAILABLE = jsonNodeAvailable();

  /** Writes {@code null}; reads only {@code null}. */
  public static final JsonCodec<Object> NULL =
      new JsonCodec<>() {
        @Override
        public Object read(JsonParser parser) throws IOException {
          if (parser.currentToken() != JsonToken.VALUE_NULL) {
            throw JsonDecodeException.expected(parser, "null");
          }
          return null;
        }

        @Override
        public void write(JsonGenerator generator, Object value) throws IOException {
          generator.writeNull();
        }
      };

  /**
   * JSON string ⇄ {@code String}; a JSON number or boolean reads as the text the client wrote
   * ({@code 1.50} is {@code "1.50"}), as databind reads it; a text-line argument as is.
   */
  public static final JsonCodec<String> STRING =
      new JsonCodec<>() {
        @Override
        public String read(JsonParser parser) throws IOException {
          JsonToken token = parser.currentToken();
          if (token == JsonToken.VALUE_STRING || token.isNumeric() || token.isBoolean()) {
            return parser.getText();
          }
          if (token == JsonToken.VALUE_NULL) {
            return null;
          }
          throw JsonDecodeException.expected(parser, "a string");
        }

        @Override
        public void write(JsonGenerator generator, String value) throws IOException {
          if (value == null) {
            generator.writeNull();
          } else {
            generator.writeString(value);
          }
        }

        @Override
        public String fromText(String text) {
          return text;
        }
      };

  /**
   * {@code true}/{@code false}; also the strings databind takes ({@code "true"}, {@code "True"},
   * {@code "TRUE"} and the same for false) and the integers {@code 1} and {@code 0}.
   */
  public static final JsonCodec<Boolean> BOOLEAN =
      new ScalarCodec<>("a boolean") {
        @Override
        Boolean readToken(JsonParser parser, JsonToken token) throws IOException {
          return readBoolean(parser, token);
        }

        @Override
        void writeValue(JsonGenerator generator, Boolean value) throws IOException {
          generator.writeBoolean(value);
        }

        @Override
        Boolean parse(String text) {
          return parseBoolean(text);
        }
      };

  // The whole numbers below read, besides a JSON integer in range, a number without a fraction
  // (1.0, 1e3) and a string of an integer ("12"): see Numbers.

  /** An integer from -128 to 127. */
  public static final JsonCodec<Byte> BYTE =
      new NarrowInteger<>(Byte.MIN_VALUE, Byte.MAX_VALUE) {
        @Override
        Byte narrow(long value) {
          return (byte) value;
        }
      };

  /** An integer from -32768 to 32767. */
  public static final JsonCodec<Short> SHORT =
      new NarrowInteger<>(Short.MIN_VALUE, Short.MAX_VALUE) {
        @Override
        Short narrow(long value) {
          return (short) value;
        }
      };

  /** A whole number narrower than {@code int}: checked against its bounds, then narrowed. */
  private abstract static class NarrowInteger<T extends Number> extends ScalarCodec<T> {
    private final long min;
    private final long max;

    NarrowInteger(long min, long max) {
      super("an integer");
      this.min = min;
      this.max = max;
    }

    /** The value, already within the bounds, as this codec's type. */
    abstract T narrow(long value);

    @Override
    T readToken(JsonParser parser, JsonToken token) throws IOException {
      Long value = Numbers.integral(parser, token, min, max);
      return value == null ? null : narrow(value);
    }

    @Override
    void writeValue(JsonGenerator generator, T value) throws IOException {
      generator.writeNumber(value.intValue());
    }

    @Override
    T parse(String text) {
      return narrow(Numbers.parseIntegral(text, min, max));
    }
  }

  /** An integer in the range of {@code int}. */
  public static final JsonCodec<Integer> INT =
      new ScalarCodec<>("an integer") {
        @Override
        Integer readToken(JsonParser parser, JsonToken token) throws IOException {
          // A JSON integer in range, the common case, is read without a detour through Numbers.
          if (token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT) {
            return parser.getIntValue();
          }
          Long value = Numbers.integral(parser, token, Integer.MIN_VALUE, Integer.MAX_VALUE);
          return value == null ? null : value.intValue();
        }

        @Override
        void writeValue(JsonGenerator generator, Integer value) throws IOException {
          generator.writeNumber(value);
        }

        @Override
        Integer parse(String text) {
          return (int) Numbers.parseIntegral(text, Integer.MIN_VALUE, Integer.MAX_VALUE);
        }
      };

  /** An integer in the range of {@code long}. */
  public static final JsonCodec<Long> LONG =
      new ScalarCodec<>("an integer") {
        @Override
        Long readToken(JsonParser parser, JsonToken token) throws IOException {
          if (token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return parser.getLongValue();
          }
          return Numbers.integral(parser, token, Long.MIN_VALUE, Long.MAX_VALUE);
        }

        @Override
        void writeValue(JsonGenerator generator, Long value) throws IOException {
          generator.writeNumber(value);
        }

        @Override
        Long parse(String text) {
          return Numbers.parseIntegral(text, Long.MIN_VALUE, Long.MAX_VALUE);
        }
      };

  /**
   * A number in the range of {@code float}, or a string of one; also the strings {@code "NaN"},
   * {@code "Infinity"}, {@code "-Infinity"}.
   */
  public static final JsonCodec<Float> FLOAT =
      new ScalarCodec<>("a number") {
        @Override
        Float readToken(JsonParser parser, JsonToken token) throws IOException {
          Double value = Numbers.floating(parser, token, Float.MAX_VALUE, "float");
          return value == null ? null : value.floatValue();
        }

        @Override
        void writeValue(JsonGenerator generator, Float value) throws IOException {
          generator.writeNumber(value);
        }

        @Override
        Float parse(String text) {
          return Numbers.toFloat(Numbers.parseFloating(text));
        }
      };

  /**
   * A number in the range of {@code double}, or a string of one; also the strings {@code "NaN"},
   * {@code "Infinity"}, {@code "-Infinity"}.
   */
  public static final JsonCodec<Double> DOUBLE =
      new ScalarCodec<>("a number") {
        @Override
        Double readToken(JsonParser parser, JsonToken token) throws IOException {
          return Numbers.floating(parser, token, Double.MAX_VALUE, "double");
        }

        @Override
        void writeValue(JsonGenerator generator, Double value) throws IOException {
          generator.writeNumber(value);
        }

        @Override
        Double parse(String text) {
          return Numbers.parseFloating(text);
        }
      };

  /** A string of exactly one character. */
  public static final JsonCodec<Character> CHAR =
      new ScalarCodec<>("a string of one character") {
        @Override
        Character readToken(JsonParser parser, JsonToken token) throws IOException {
          return token == JsonToken.VALUE_STRING && parser.getTextLength() == 1 ? parser.getText().charAt(0) : null;
        }

        @Override
        void writeValue(JsonGenerator generator, Character value) throws IOException {
          generator.writeString(String.valueOf(value));
        }

        @Override
        Character parse(String text) {
          if (text.length() != 1) {
            throw new IllegalArgumentException(text);
          }
          return text.charAt(0);
        }
      };

  /** Any number, exactly, or a string of one ({@code "12.50"}); its scale within ±1000. */
  public static final JsonCodec<BigDecimal> BIG_DECIMAL =
      new ScalarCodec<>("a number") {
        @Override
        BigDecimal readToken(JsonParser parser, JsonToken token) throws IOException {
          return Numbers.decimal(parser, token);
        }

        @Override
        void writeValue(JsonGenerator generator, BigDecimal value) throws IOException {
          generator.writeNumber(value);
        }

        @Override
        BigDecimal parse(String text) {
          return Numbers.parseDecimal(text);
        }
      };

  /** Any whole number, exactly, or a string of one. */
  public static final JsonCodec<BigInteger> BIG_INTEGER =
      new ScalarCodec<>("an integer") {
        @Override
        BigInteger readToken(JsonParser parser, JsonToken token) throws IOException {
          return Numbers.bigInteger(parser, token);
        }

        @Override
        void writeValue(JsonGenerator generator, BigInteger value) throws IOException {
          generator.writeNumber(value);
        }

        @Override
        BigInteger parse(String text) {
          return Numbers.parseInteger(text);
        }
      };

  /** {@code "2024-05-01T10:15:30Z"}. */
  public static final JsonCodec<Instant> INSTANT = isoString("an ISO-8601 instant", Instant::parse);

  /** {@code "2024-05-01"}. */
  public static final JsonCodec<LocalDate> LOCAL_DATE = isoString("an ISO-8601 date", LocalDate::parse);

  /** {@code "10:15:30"}. */
  public static final JsonCodec<LocalTime> LOCAL_TIME = isoString("an ISO-8601 time", LocalTime::parse);

  /** {@code "2024-05-01T10:15:30"}. */
  public static final JsonCodec<LocalDateTime> LOCAL_DATE_TIME =
      isoString("an ISO-8601 local date-time", LocalDateTime::parse);

  /** {@code "2024-05-01T10:15:30+02:00"}. */
  public static final JsonCodec<OffsetDateTime> OFFSET_DATE_TIME =
      isoString("an ISO-8601 date-time with offset", OffsetDateTime::parse);

  /** {@code "2024-05-01T10:15:30+02:00[Europe/Paris]"}. */
  public static final JsonCodec<ZonedDateTime> ZONED_DATE_TIME =
      isoString("an ISO-8601 zoned date-time", ZonedDateTime::parse);

  /** {@code "PT5S"}. */
  public static final JsonCodec<Duration> DURATION = isoString("an ISO-8601 duration", Duration::parse);

  /** {@code "123e4567-e89b-12d3-a456-426614174000"}. */
  public static final JsonCodec<UUID> UUID_CODEC = isoString("a UUID", UUID::fromString);

  /** A base64 string, as Jackson databind writes {@code byte[]}. */
  public static final JsonCodec<byte[]> BYTE_ARRAY =
      new ScalarCodec<>("a base64 string") {
        @Override
        byte[] readToken(JsonParser parser, JsonToken token) throws IOException {
          // Decoded from the text rather than with getBinaryValue(), which consumes the text even
          // when it fails, leaving nothing to quote in the error.
          return token == JsonToken.VALUE_STRING ? Base64Variants.getDefaultVariant().decode(parser.getText()) : null;
        }

        @Override
        void writeValue(JsonGenerator generator, byte[] value) throws IOException {
          generator.writeBinary(value);
        }

        @Override
        byte[] parse(String text) {
          return java.util.Base64.getDecoder().decode(text);
        }
      };

  /** A string, as Jackson databind writes {@code char[]}. */
  public static final JsonCodec<char[]> CHAR_ARRAY =
      new ScalarCodec<>("a string") {
        @Override
        char[] readToken(JsonParser parser, JsonToken token) throws IOException {
          return token == JsonToken.VALUE_STRING ? parser.getText().toCharArray() : null;
        }

        @Override
        void writeValue(JsonGenerator generator, char[] value) throws IOException {
          generator.writeString(value, 0, value.length);
        }

        @Override
        char[] parse(String text) {
          return text.toCharArray();
        }
      };

  /** An array of booleans. */
  public static final JsonCodec<boolean[]> BOOLEAN_ARRAY =
      primitiveArray(
          BOOLEAN,
          values -> {
            boolean[] array = new boolean[values.size()];
            for (int i = 0; i < array.length; i++) {
              array[i] = values.get(i);
            }
            return array;
          },
          (array, generator) -> {
            for (boolean value : array) {
              generator.writeBoolean(value);
            }
          });

  /** An array of integers in the range of {@code short}. */
  public static final JsonCodec<short[]> SHORT_ARRAY =
      primitiveArray(
          SHORT,
          values -> {
            short[] array = new short[values.size()];
            for (int i = 0; i < array.length; i++) {
              array[i] = values.get(i);
            }
            return array;
          },
          (array, generator) -> {
            for (short value : array) {
              generator.writeNumber(value);
            }
          });

  /** An array of integers. */
  public static final JsonCodec<int[]> INT_ARRAY =
      primitiveArray(
          INT,
          values -> values.stream().mapToInt(Integer::intValue).toArray(),
          (array, generator) -> {
            for (int value : array) {
              generator.writeNumber(value);
            }
          });

  /** An array of integers. */
  public static final JsonCodec<long[]> LONG_ARRAY =
      primitiveArray(
          LONG,
          values -> values.stream().mapToLong(Long::longValue).toArray(),
          (array, generator) -> {
            for (long value : array) {
              generator.writeNumber(value);
            }
          });

  /** An array of numbers. */
  public static final JsonCodec<float[]> FLOAT_ARRAY =
      primitiveArray(
          FLOAT,
          values -> {
            float[] array = new float[values.size()];
            for (int i = 0; i < array.length; i++) {
              array[i] = values.get(i);
            }
            return array;
          },
          (array, generator) -> {
            for (float value : array) {
              generator.writeNumber(value);
            }
          });

  /** An array of numbers. */
  public static final JsonCodec<double[]> DOUBLE_ARRAY =
      primitiveArray(
          DOUBLE,
          values -> values.stream().mapToDouble(Double::doubleValue).toArray(),
          (array, generator) -> {
            for (double value : array) {
              generator.writeNumber(value);
            }
          });

  /** A JSON array ⇄ an unmodifiable {@code List}; {@code null} elements allowed. */
  public static <T> JsonCodec<List<T>> listOf(JsonCodec<T> element) {
    return CollectionCodec.of(element, Collections::unmodifiableList);
  }

  /** A JSON array ⇄ an unmodifiable {@code Set} keeping the first occurrence's order. */
  public static <T> JsonCodec<Set<T>> setOf(JsonCodec<T> element) {
    return CollectionCodec.of(element, values -> Collections.unmodifiableSet(new LinkedHashSet<>(values)));
  }

  /** A JSON object ⇄ an unmodifiable {@code Map<String, V>} keeping the members' order. */
  public static <V> JsonCodec<Map<String, V>> mapOf(JsonCodec<V> value) {
    return new MapCodec<>(value);
  }

  /**
   * {@code Optional<T>}: JSON {@code null} and an absent member or payload are empty ({@link
   * JsonCodec#absent()}); empty writes {@code null}.
   */
  public static <T> JsonCodec<Optional<T>> optionalOf(JsonCodec<T> element) {
    return new OptionalCodec<>(element);
  }

  /** A JSON array ⇄ an array of objects: {@code Codecs.arrayOf(ITEM, Item[]::new)}. */
  public static <T> JsonCodec<T[]> arrayOf(JsonCodec<T> element, IntFunction<T[]> newArray) {
    return new CollectionCodec<T[], T>(
        element,
        values -> values.toArray(newArray.apply(values.size())),
        (array, codec, generator) -> {
          for (T value : array) {
            codec.write(generator, value);
          }
        });
  }

  /**
   * Reads a value that must not be {@code null}: a primitive, whose codec is its box's.
   *
   * @throws JsonDecodeException "expected an integer, got null" for JSON {@code null}
   */
  public static <T> T readNonNull(JsonParser parser, JsonCodec<T> codec) throws IOException {
    if (parser.currentToken() == JsonToken.VALUE_NULL) {
      String expected = codec instanceof ScalarCodec<?> scalar ? scalar.expected() : "a value";
      throw JsonDecodeException.expected(parser, expected);
    }
    return codec.read(parser);
  }

  /**
   * The codecs the registry knows without any generated provider, keyed by type (primitives
   * under both their box and their primitive class), plus {@code JsonNode} when jackson-databind
   * is on the class path.
   */
  public static Map<Class<?>, JsonCodec<?>> builtIns() {
    Map<Class<?>, JsonCodec<?>> codecs = new HashMap<>();
    codecs.put(String.class, STRING);
    codecs.put(Boolean.class, BOOLEAN);
    codecs.put(boolean.class, BOOLEAN);
    codecs.put(Byte.class, BYTE);
    codecs.put(byte.class, BYTE);
    codecs.put(Short.class, SHORT);
    codecs.put(short.class, SHORT);
    codecs.put(Integer.class, INT);
    codecs.put(int.class, INT);
    codecs.put(Long.class, LONG);
    codecs.put(long.class, LONG);
    codecs.put(Float.class, FLOAT);
    codecs.put(float.class, FLOAT);
    codecs.put(Double.class, DOUBLE);
    codecs.put(double.class, DOUBLE);
    codecs.put(Character.class, CHAR);
    codecs.put(char.class, CHAR);
    codecs.put(BigDecimal.class, BIG_DECIMAL);
    codecs.put(BigInteger.class, BIG_INTEGER);
    codecs.put(Instant.class, INSTANT);
    codecs.put(LocalDate.class, LOCAL_DATE);
    codecs.put(LocalTime.class, LOCAL_TIME);
    codecs.put(LocalDateTime.class, LOCAL_DATE_TIME);
    codecs.put(OffsetDateTime.class, OFFSET_DATE_TIME);
    codecs.put(ZonedDateTime.class, ZONED_DATE_TIME);
    codecs.put(Duration.class, DURATION);
    codecs.put(UUID.class, UUID_CODEC);
    codecs.put(byte[].class, BYTE_ARRAY);
    codecs.put(char[].class, CHAR_ARRAY);
    codecs.put(boolean[].class, BOOLEAN_ARRAY);
    codecs.put(short[].class, SHORT_ARRAY);
    codecs.put(int[].class, INT_ARRAY);
    codecs.put(long[].class, LONG_ARRAY);
    codecs.put(float[].class, FLOAT_ARRAY);
    codecs.put(double[].class, DOUBLE_ARRAY);
    if (JSON_NODE_AVAILABLE) {
      JsonNodeRegistration.register(codecs);
    }
    return Collections.unmodifiableMap(codecs);
  }

  /**
   * A codec that writes (never reads) a value whose static type is unknown, by its runtime class:
   * maps with String keys, collections, object arrays and optionals of values the registry can
   * write, and {@code JsonNode} subclasses. Null if the class is none of these.
   */
  static JsonCodec<?> dynamic(CodecRegistry registry, Class<?> type) {
    if (JSON_NODE_AVAILABLE && JsonNodeRegistration.isJsonNode(type)) {
      return JsonNodeCodec.INSTANCE;
    }
    if (Map.class.isAssignableFrom(type)) {
      return new WriteOnlyCodec<Map<?, ?>>() {
        @Override
        public void write(JsonGenerator generator, Map<?, ?> map) throws IOException {
          generator.writeStartObject();
          for (Map.Entry<?, ?> entry : map.entrySet()) {
            generator.writeFieldName(String.valueOf(entry.getKey()));
            writeDynamic(registry, generator, entry.getValue());
          }
          generator.writeEndObject();
        }
      };
    }
    if (Collection.class.isAssignableFrom(type)) {
      return new WriteOnlyCodec<Collection<?>>() {
        @Override
        public void write(JsonGenerator generator, Collection<?> values) throws IOException {
          generator.writeStartArray();
          for (Object value : values) {
            writeDynamic(registry, generator, value);
          }
          generator.writeEndArray();
        }
      };
    }
    if (Object[].class.isAssignableFrom(type)) {
      return new WriteOnlyCodec<Object[]>() {
        @Override
        public void write(JsonGenerator generator, Object[] values) throws IOException {
          generator.writeStartArray();
          for (Object value : values) {
            writeDynamic(registry, generator, value);
          }
          generator.writeEndArray();
        }
      };
    }
    if (type == Optional.class) {
      return new WriteOnlyCodec<Optional<?>>() {
        @Override
        public void write(JsonGenerator generator, Optional<?> value) throws IOException {
          writeDynamic(registry, generator, value.orElse(null));
        }
      };
    }
    return null;
  }

  private static void writeDynamic(CodecRegistry registry, JsonGenerator generator, Object value)
      throws IOException {
    registry.forValue(value).write(generator, value);
  }

  private abstract static class WriteOnlyCodec<T> implements JsonCodec<T> {
    @Override
    public T read(JsonParser parser) {
      throw new UnsupportedOperationException("write-only codec");
    }
  }

  /** Parses the ISO-8601 text of a java.time value or a UUID: {@code Instant::parse}. */
  private interface IsoParser<T> {
    T parse(String text);
  }

  private static <T> JsonCodec<T> isoString(String expected, IsoParser<T> parser) {
    return new ScalarCodec<>(expected) {
      @Override
      T readToken(JsonParser json, JsonToken token) throws IOException {
        return token == JsonToken.VALUE_STRING ? parser.parse(json.getText()) : null;
      }

      @Override
      void writeValue(JsonGenerator generator, T value) throws IOException {
        generator.writeString(value.toString());
      }

      @Override
      T parse(String text) {
        return parser.parse(text);
      }
    };
  }

  private static <A, E> JsonCodec<A> primitiveArray(
      JsonCodec<E> element,
      java.util.function.Function<List<E>, A> toArray,
      PrimitiveArrayWriter<A> writer) {
    JsonCodec<E> nonNull =
        new JsonCodec<>() {
          @Override
          public E read(JsonParser parser) throws IOException {
            return readNonNull(parser, element);
          }

          @Override
          public void write(JsonGenerator generator, E value) throws IOException {
            element.write(generator, value);
          }

          @Override
          public E fromText(String text) throws IOException {
            return element.fromText(text);
          }
        };
    return new CollectionCodec<A, E>(nonNull, toArray, (array, codec, generator) -> writer.write(array, generator));
  }

  private interface PrimitiveArrayWriter<A> {
    void write(A array, JsonGenerator generator) throws IOException;
  }

  private static Boolean readBoolean(JsonParser parser, JsonToken token) throws IOException {
    if (token.isBoolean()) {
      return token == JsonToken.VALUE_TRUE;
    }
    if (token == JsonToken.VALUE_STRING) {
      return parseBoolean(parser.getText().strip());
    }
    if (token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT) {
      return switch (parser.getIntValue()) {
        case 0 -> Boolean.FALSE;
        case 1 -> Boolean.TRUE;
        // databind reads any other integer as true; 2 is more likely a mistake than a yes.
        default -> throw JsonDecodeException.at(parser, "expected a boolean, got " + parser.getIntValue());
      };
    }
    return null;
  }

  private static Boolean parseBoolean(String text) {
    return switch (text) {
      case "true", "True", "TRUE" -> Boolean.TRUE;
      case "false", "False", "FALSE" -> Boolean.FALSE;
      default -> throw new IllegalArgumentException(text);
    };
  }

  private static boolean jsonNodeAvailable() {
    try {
      Class.forName("com.fasterxml.jackson.databind.JsonNode", false, Codecs.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /** Kept apart so that {@code Codecs} itself never links against jackson-databind. */
  private static final class JsonNodeRegistration {
    static void register(Map<Class<?>, JsonCodec<?>> codecs) {
      codecs.put(com.fasterxml.jackson.databind.JsonNode.class, JsonNodeCodec.INSTANCE);
    }

    /** An ObjectNode, an ArrayNode… whose runtime class is not JsonNode itself. */
    static boolean isJsonNode(Class<?> type) {
      return com.fasterxml.jackson.databind.JsonNode.class.isAssignableFrom(type);
    }
  }
}
