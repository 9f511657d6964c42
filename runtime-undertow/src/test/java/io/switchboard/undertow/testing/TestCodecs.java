package io.switchboard.undertow.testing;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.switchboard.json.JsonCodec;
import io.switchboard.json.JsonDecodeException;
import java.io.IOException;

/** Codecs written the way generated ones are, for hand-written test dispatchers. */
public final class TestCodecs {

  private TestCodecs() {}

  public static final JsonCodec<Integer> INT =
      new JsonCodec<>() {
        @Override
        public Integer read(JsonParser parser) throws IOException {
          if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            throw JsonDecodeException.expected(parser, "an integer");
          }
          return parser.getIntValue();
        }

        @Override
        public void write(JsonGenerator generator, Integer value) throws IOException {
          generator.writeNumber(value);
        }

        @Override
        public Integer fromText(String text) {
          try {
            return Integer.parseInt(text);
          } catch (NumberFormatException e) {
            throw new JsonDecodeException("$", "expected an integer, got \"" + text + "\"");
          }
        }
      };

  /** {@code {"a":1,"b":2}}. */
  public record Pair(int a, int b) {}

  public static final JsonCodec<Pair> PAIR =
      new JsonCodec<>() {
        @Override
        public Pair read(JsonParser parser) throws IOException {
          if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw JsonDecodeException.expected(parser, "an object");
          }
          Integer a = null;
          Integer b = null;
          String field;
          while ((field = parser.nextFieldName()) != null) {
            parser.nextToken();
            switch (field) {
              case "a" -> a = INT.read(parser);
              case "b" -> b = INT.read(parser);
              default -> parser.skipChildren();
            }
          }
          if (a == null) {
            throw JsonDecodeException.missingField(parser, "a");
          }
          if (b == null) {
            throw JsonDecodeException.missingField(parser, "b");
          }
          return new Pair(a, b);
        }

        @Override
        public void write(JsonGenerator generator, Pair value) throws IOException {
          generator.writeStartObject();
          generator.writeNumberField("a", value.a());
          generator.writeNumberField("b", value.b());
          generator.writeEndObject();
        }
      };
}
