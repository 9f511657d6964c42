package io.switchboard.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import java.io.IOException;

/**
 * A codec of one JSON scalar, as three small methods. It owns what every scalar shares: {@code
 * null} both ways, the "expected …, got …" error with the parser's path, and turning a text-line
 * argument that does not parse into a {@code bad_request} at {@code $}.
 *
 * <p>The built-in scalars are subclasses rather than three lambdas each: a lambda is a class of
 * its own, made when the server starts, where a subclass is one class for all three.
 */
abstract class ScalarCodec<T> implements JsonCodec<T> {

  private final String expected;

  ScalarCodec(String expected) {
    this.expected = expected;
  }

  /** Reads the current token, or returns null when the token is of the wrong JSON type. */
  abstract T readToken(JsonParser parser, JsonToken token) throws IOException;

  /** Writes a value that is not null. */
  abstract void writeValue(JsonGenerator generator, T value) throws IOException;

  /** Parses a text-line argument; any exception means the text is not such a value. */
  abstract T parse(String text) throws Exception;

  /** What this codec reads, for error messages: "an integer", "an ISO-8601 date". */
  String expected() {
    return expected;
  }

  @Override
  public final T read(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    T value;
    try {
      value = readToken(parser, token);
    } catch (JsonDecodeException e) {
      throw e;
    } catch (RuntimeException | StreamReadException e) {
      // A string of the right JSON type that does not parse: a bad date, UUID, base64…
      throw JsonDecodeException.unexpectedValue(parser, expected);
    }
    if (value == null) {
      throw JsonDecodeException.expected(parser, expected);
    }
    return value;
  }

  @Override
  public final void write(JsonGenerator generator, T value) throws IOException {
    if (value == null) {
      generator.writeNull();
    } else {
      writeValue(generator, value);
    }
  }

  @Override
  public final T fromText(String text) {
    try {
      return parse(text.strip());
    } catch (Exception e) {
      throw JsonDecodeException.unexpectedText(expected, text);
    }
  }
}
