package io.switchboard.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import java.io.IOException;

/**
 * A codec of one JSON scalar, built from three small functions. It owns what every scalar shares:
 * {@code null} both ways, the "expected …, got …" error with the parser's path, and turning a
 * text-line argument that does not parse into a {@code bad_request} at {@code $}.
 */
final class ScalarCodec<T> implements JsonCodec<T> {

  /** Reads the current token, or returns null when the token is of the wrong JSON type. */
  interface TokenReader<T> {
    T read(JsonParser parser, JsonToken token) throws IOException;
  }

  interface ValueWriter<T> {
    void write(JsonGenerator generator, T value) throws IOException;
  }

  /** Parses a text-line argument; any exception means the text is not such a value. */
  interface TextParser<T> {
    T parse(String text) throws Exception;
  }

  private final String expected;
  private final TokenReader<T> reader;
  private final ValueWriter<T> writer;
  private final TextParser<T> textParser;

  ScalarCodec(String expected, TokenReader<T> reader, ValueWriter<T> writer, TextParser<T> textParser) {
    this.expected = expected;
    this.reader = reader;
    this.writer = writer;
    this.textParser = textParser;
  }

  /** What this codec reads, for error messages: "an integer", "an ISO-8601 date". */
  String expected() {
    return expected;
  }

  @Override
  public T read(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    T value;
    try {
      value = reader.read(parser, token);
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
  public void write(JsonGenerator generator, T value) throws IOException {
    if (value == null) {
      generator.writeNull();
    } else {
      writer.write(generator, value);
    }
  }

  @Override
  public T fromText(String text) {
    try {
      return textParser.parse(text.strip());
    } catch (Exception e) {
      throw JsonDecodeException.unexpectedText(expected, text);
    }
  }
}
