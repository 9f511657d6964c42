package io.switchboard.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/**
 * Reads and writes one Java type with Jackson's streaming API, no reflection. The annotation
 * processor generates {@code <Type>_JsonCodec} for every payload, reply and {@link
 * io.switchboard.WsMessage} type; {@link Codecs} has the built-in ones and the combinators for
 * lists, sets, maps, arrays and optionals. Implementations are stateless and thread-safe.
 *
 * @param <T> the Java type
 */
public interface JsonCodec<T> {

  /**
   * Reads one value. The parser is on the value's first token ({@code START_OBJECT}, a scalar,
   * {@code VALUE_NULL}…) and is left on its last token, as Jackson deserializers do. JSON {@code
   * null} reads as {@code null} for reference types.
   *
   * @throws JsonDecodeException on a wrong type or a missing required field, with the JSON path
   * @throws IOException on malformed JSON
   */
  T read(JsonParser parser) throws IOException;

  /** Writes one value; {@code null} writes JSON {@code null}. */
  void write(JsonGenerator generator, T value) throws IOException;

  /**
   * Decodes the argument of a text-line command ({@code temp 21.5}). The default parses the text as
   * JSON; codecs of scalars parse it as the scalar, and codecs of types with a single {@code
   * String} property build the object from the text itself, so {@code say hello} works like
   * {@code {"cmd":"say","data":{"text":"hello"}}}.
   */
  default T fromText(String text) throws IOException {
    return Json.readValue(this, text);
  }

  /**
   * The value of an absent payload or member: {@code Optional.empty()} for optionals; anything
   * else is required and has none.
   *
   * @throws JsonDecodeException when the value is required
   */
  default T absent() {
    throw JsonDecodeException.missing();
  }
}
