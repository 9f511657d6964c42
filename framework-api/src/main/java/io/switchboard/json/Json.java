package io.switchboard.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The one shared {@link JsonFactory} and the few helpers built on it. */
public final class Json {

  /** The deepest nesting of arrays and objects read: a message has no use for more. */
  public static final int MAX_NESTING_DEPTH = 64;

  /**
   * The longest number read, in characters, whether a JSON number or a string holding one: enough
   * for any double (24) and for decimals far beyond money, short enough that parsing one is cheap
   * (turning digits into a {@code BigInteger} costs the square of their count).
   */
  public static final int MAX_NUMBER_LENGTH = 200;

  /**
   * Thread-safe and reused for every parser and generator. The read constraints bound nesting
   * depth and number length well below Jackson's defaults (500 and 1000). Strings keep a high
   * bound: a string is never longer than the message holding it, which the server's {@code
   * max-message-size} already bounds, so a lower one would only refuse what that key lets in.
   */
  public static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(MAX_NESTING_DEPTH)
                  .maxNumberLength(MAX_NUMBER_LENGTH)
                  .maxStringLength(16 * 1024 * 1024)
                  .build())
          .build();

  private Json() {}

  /**
   * Reads a whole JSON text with a codec; trailing content after the value is an error, and so are
   * malformed JSON and a text beyond the factory's limits (nesting depth, number length), all as
   * {@link JsonDecodeException}s in the words of {@link MalformedJson}.
   */
  public static <T> T readValue(JsonCodec<T> codec, String json) throws IOException {
    try (JsonParser parser = FACTORY.createParser(json)) {
      try {
        if (parser.nextToken() == null) {
          throw new JsonDecodeException("$", "expected a JSON value, got nothing");
        }
        T value = codec.read(parser);
        if (parser.nextToken() != null) {
          throw JsonDecodeException.at(parser, "unexpected content after the value");
        }
        return value;
      } catch (JsonProcessingException e) {
        throw new JsonDecodeException("$", MalformedJson.describe(e, parser.currentLocation()));
      }
    }
  }

  /** Writes one JSON value to a generator: a codec call, or a whole envelope. */
  @FunctionalInterface
  public interface ValueWriter {
    void write(JsonGenerator generator) throws IOException;
  }

  /** Encodes a value with its codec to UTF-8 bytes. */
  public static <T> byte[] writeBytes(JsonCodec<T> codec, T value) {
    return writeBytes(generator -> codec.write(generator, value));
  }

  /** Encodes what the writer writes to UTF-8 bytes, with a recycled buffer. */
  public static byte[] writeBytes(ValueWriter writer) {
    try (ByteArrayBuilder out = new ByteArrayBuilder(FACTORY._getBufferRecycler());
        JsonGenerator generator = FACTORY.createGenerator(out)) {
      writer.write(generator);
      generator.flush();
      // Hands the builder's first block back to the recycler: toByteArray() would leave it
      // allocated, a fresh 2 KB block per call (measured in bench/, CodecBenchmark).
      return out.getClearAndRelease();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Encodes a value with its codec to a JSON string. */
  public static <T> String writeString(JsonCodec<T> codec, T value) {
    return new String(writeBytes(codec, value), java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Describes the current token for an error message: "a string", "an object"… */
  public static String describe(JsonToken token) {
    if (token == null) {
      return "the end of input";
    }
    return switch (token) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT -> "an integer";
      case VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> token.asString() == null ? token.name() : token.asString();
    };
  }
}
