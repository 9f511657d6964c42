package io.switchboard.spi;

import io.switchboard.json.JsonCodec;

/**
 * The payload of one command, in either message form: the {@code data} of a JSON envelope or the
 * argument of a text line. Generated dispatchers turn it into the handler's payload parameter.
 *
 * <p>Absent means: no {@code data} member or {@code "data":null} in a JSON envelope, or nothing
 * after the command name in a text line.
 */
public interface Payload {

  /** Whether there is a payload. */
  boolean isPresent();

  /**
   * The payload as a {@code String} parameter: the text-line argument as is, or a JSON string
   * {@code data} (a number or boolean as written: {@code 1.50} is {@code "1.50"}, as {@link
   * io.switchboard.json.Codecs#STRING} reads it); {@code ""} when absent.
   *
   * @throws io.switchboard.WsException {@code bad_request} if the JSON {@code data} is an object or
   *     an array
   */
  String text();

  /**
   * The payload decoded with a codec: JSON {@code data} through {@link JsonCodec#read}, a
   * text-line argument through {@link JsonCodec#fromText}.
   *
   * @throws io.switchboard.WsException {@code bad_request}, with the JSON path, if it does not
   *     decode, or if it is absent and the codec has no {@link JsonCodec#absent() absent value}
   */
  <T> T read(JsonCodec<T> codec);
}
