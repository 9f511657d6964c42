package io.switchboard.undertow.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import io.switchboard.json.CodecRegistry;
import io.switchboard.json.Json;
import io.switchboard.json.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Encodes the server push envelope {@code {"event":…,"data":…}}, and in a room that keeps history
 * {@code {"event":…,"room":…,"offset":…,"epoch":…,"data":…}}.
 */
public final class Pushes {

  private static final SerializedString EVENT = new SerializedString("event");
  private static final SerializedString DATA = new SerializedString("data");
  private static final SerializedString ROOM = new SerializedString("room");
  private static final SerializedString OFFSET = new SerializedString("offset");

  private static final byte[] EPOCH_FIELD = ",\"epoch\":\"".getBytes(StandardCharsets.US_ASCII);

  private Pushes() {}

  /**
   * A push to a room that keeps history, encoded once with a hole for its offset and epoch, which
   * are known only when it is appended to the room's history (on this node, or in the cluster's
   * store, which splices them in the same way: {@code head + offset + ,"epoch":" + epoch + " +
   * tail}).
   *
   * @param head the push up to {@code "offset":}
   * @param tail the push from {@code ,"data":} to its end
   */
  public record Numbered(byte[] head, byte[] tail) {

    /** The push with its offset and epoch (a short ASCII string that needs no escaping). */
    public byte[] with(long offset, String epoch) {
      byte[] number = Long.toString(offset).getBytes(StandardCharsets.US_ASCII);
      byte[] epochBytes = epoch.getBytes(StandardCharsets.US_ASCII);
      byte[] push = new byte[head.length + number.length + EPOCH_FIELD.length + epochBytes.length + 1 + tail.length];
      int at = 0;
      for (byte[] part : new byte[][] {head, number, EPOCH_FIELD, epochBytes, {'"'}, tail}) {
        System.arraycopy(part, 0, push, at, part.length);
        at += part.length;
      }
      return push;
    }
  }

  /** A push to {@code room} that keeps history, without its offset and epoch yet. */
  public static Numbered numbered(String event, Object payload, CodecRegistry codecs, String room) {
    Objects.requireNonNull(event, "event");
    JsonCodec<Object> codec = codecs.forValue(payload);
    byte[] head = Json.writeBytes(
        generator -> {
          generator.disable(JsonGenerator.Feature.AUTO_CLOSE_JSON_CONTENT); // the object goes on
          generator.writeStartObject();
          generator.writeFieldName(EVENT);
          generator.writeString(event);
          generator.writeFieldName(ROOM);
          generator.writeString(room);
          generator.writeFieldName(OFFSET);
          generator.writeRaw(':'); // Jackson writes the colon with the value, which comes later
        });
    byte[] data = Json.writeBytes(
        generator -> {
          generator.writeStartObject();
          generator.writeFieldName(DATA);
          codec.write(generator, payload);
          generator.writeEndObject();
        });
    data[0] = ','; // {"data":…} becomes ,"data":…}
    return new Numbered(head, data);
  }

  /**
   * The UTF-8 bytes of one push; the payload goes through its generated codec.
   *
   * @throws IllegalArgumentException if the payload's type has no codec
   */
  public static byte[] encode(String event, Object payload, CodecRegistry codecs) {
    Objects.requireNonNull(event, "event");
    JsonCodec<Object> codec = codecs.forValue(payload);
    return Json.writeBytes(
        generator -> {
          generator.writeStartObject();
          generator.writeFieldName(EVENT);
          generator.writeString(event);
          generator.writeFieldName(DATA);
          codec.write(generator, payload);
          generator.writeEndObject();
        });
  }
}
