package io.switchboard.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Collection;
import java.util.Map;

/**
 * Built-in codecs (scalars, JDK value types) and combinators (lists, sets, maps, arrays,
 * optionals) that generated codecs and dispatchers compose.
 */
public final class Codecs {

  private Codecs() {}

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

  /** JSON string ⇄ {@code String}; a text-line argument as is. */
  public static final JsonCodec<String> STRING =
      new JsonCodec<>() {
        @Override
        public String read(JsonParser parser) throws IOException {
          JsonToken token = parser.currentToken();
          if (token == JsonToken.VALUE_STRING) {
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

  /** The codecs the registry knows without any generated provider, keyed by type. */
  public static Map<Class<?>, JsonCodec<?>> builtIns() {
    return Map.of(String.class, STRING);
  }

  /**
   * A codec that writes (never reads) a value whose static type is unknown, by its runtime class:
   * maps with String keys and collections of values the registry can write. Null if the class is
   * none of these.
   */
  static JsonCodec<?> dynamic(CodecRegistry registry, Class<?> type) {
    if (Map.class.isAssignableFrom(type)) {
      return new WriteOnlyCodec<Map<?, ?>>() {
        @Override
        public void write(JsonGenerator generator, Map<?, ?> map) throws IOException {
          generator.writeStartObject();
          for (Map.Entry<?, ?> entry : map.entrySet()) {
            generator.writeFieldName(String.valueOf(entry.getKey()));
            Object value = entry.getValue();
            registry.forValue(value).write(generator, value);
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
            registry.forValue(value).write(generator, value);
          }
          generator.writeEndArray();
        }
      };
    }
    return null;
  }

  private abstract static class WriteOnlyCodec<T> implements JsonCodec<T> {
    @Override
    public T read(JsonParser parser) {
      throw new UnsupportedOperationException("write-only codec");
    }
  }
}
