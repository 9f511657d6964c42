package io.switchboard.undertow.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import io.switchboard.WsException;
import io.switchboard.json.Json;
import io.switchboard.json.JsonCodec;
import io.switchboard.spi.Envelope;
import io.switchboard.undertow.send.OutboundMessage;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Encodes replies as {@code docs/protocol.md} specifies them.
 *
 * <ul>
 *   <li>JSON envelope form: {@code {"re":7,"cmd":"name","data":…}}, an ack {@code
 *       {"re":7,"cmd":"name"}} for a void handler (only when the request had an id), and errors
 *       {@code {"re":7,"cmd":"name","error":{"code":…,"message":…,"path":…}}}; {@code re} is left
 *       out when the request had no id, {@code path} when the error has none.
 *   <li>Text-line form: a String result as is, any other value as its JSON, nothing for void;
 *       errors as the same JSON error object, without {@code re}.
 * </ul>
 */
public final class Replies {

  private static final SerializedString RE = new SerializedString("re");
  private static final SerializedString CMD = new SerializedString("cmd");
  private static final SerializedString DATA = new SerializedString("data");
  private static final SerializedString ERROR = new SerializedString("error");
  private static final SerializedString CODE = new SerializedString("code");
  private static final SerializedString MESSAGE = new SerializedString("message");
  private static final SerializedString PATH = new SerializedString("path");

  private Replies() {}

  /** The reply to a handler that returned {@code value}, or null when none is due. */
  public static <T> OutboundMessage value(Envelope request, T value, JsonCodec<T> codec) {
    if (request.form() == Envelope.Form.TEXT_LINE) {
      if (value instanceof String text) {
        return OutboundMessage.text(text);
      }
      return OutboundMessage.text(Json.writeBytes(codec, value));
    }
    return OutboundMessage.text(
        encode(
            generator -> {
              header(generator, request.id(), request.command());
              generator.writeFieldName(DATA);
              codec.write(generator, value);
            }));
  }

  /** The reply to a void handler: an ack for a JSON request with an id, else none (null). */
  public static OutboundMessage ack(Envelope request) {
    if (request.form() != Envelope.Form.JSON || request.id() == null) {
      return null;
    }
    return OutboundMessage.text(encode(generator -> header(generator, request.id(), request.command())));
  }

  /** An error reply; {@code id} and {@code command} may be null when unknown. */
  public static OutboundMessage error(Object id, String command, String code, String message, String path) {
    return OutboundMessage.text(
        encode(
            generator -> {
              header(generator, id, command);
              generator.writeFieldName(ERROR);
              generator.writeStartObject();
              generator.writeFieldName(CODE);
              generator.writeString(code);
              generator.writeFieldName(MESSAGE);
              generator.writeString(message);
              if (path != null) {
                generator.writeFieldName(PATH);
                generator.writeString(path);
              }
              generator.writeEndObject();
            }));
  }

  /** An error reply for {@code request} in its form (text-line errors carry no {@code re}). */
  public static OutboundMessage error(Envelope request, WsException error, String message) {
    Object id = request.form() == Envelope.Form.JSON ? request.id() : null;
    return error(id, request.command(), error.code(), message, error.path());
  }

  private static void header(JsonGenerator generator, Object id, String command) throws IOException {
    if (id instanceof Long number) {
      generator.writeFieldName(RE);
      generator.writeNumber(number);
    } else if (id != null) {
      generator.writeFieldName(RE);
      generator.writeString(id.toString());
    }
    if (command != null) {
      generator.writeFieldName(CMD);
      generator.writeString(command);
    }
  }

  private static byte[] encode(Json.ValueWriter body) {
    return Json.writeBytes(
        generator -> {
          generator.writeStartObject();
          body.write(generator);
          generator.writeEndObject();
        });
  }
}
