package io.switchboard.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The one shared {@link JsonFactory} and the few helpers built on it. */
public final class Json {

  /**
   * Thread-safe and reused for every parser and generator. The read constraints bound nesting
   * depth and number and string sizes well below Jackson's defaults: a message is at most the
   * server's max message size anyway, and a hostile client must not make the parser work hard.
   */
  public static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(64)
                  .maxNumberLength(200)
                  .maxStringLength(16 * 1024 * 1024)
                  .build())
          .build();

  private Json() {}

  /**
   * Reads a whole JSON text with a codec; trailing content after the value is an error, and so is
   * a text beyond the factory's limits (nesting depth, number length).
   */
  public static <T> T readValue(JsonCodec<T> codec, String json) throws IOException {
    try (JsonParser parser = FACTORY.createParser(json)) {
      if (parser.nextToken() == null) {
        throw new JsonDecodeException("$", "expected a JSON value, got nothing");
      }
      T value = codec.read(parser);
      if (parser.nextToken() != null) {
        throw JsonDecodeException.at(parser, "unexpected content after the value");
      }
      return value;
    } catch (StreamConstraintsException e) {
      throw new JsonDecodeException("$", e.getOriginalMessage());
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
