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
  private static final byte[] ROOM_FIELD = ",\"room\":".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] OFFSET_FIELD = ",\"offset\":".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] EPOCH_FIELD = ",\"epoch\":\"".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] QUOTE = {'"'};

  private Pushes() {}

  /**
   * A push to a room that keeps history, encoded once with a hole for its offset and epoch, which
   * are known only when it is appended to the room's history (on this node, or in the cluster's
   * store, which splices them in the same way: {@code head + offset + ,"epoch":" + epoch + " +
   * tail}). Without them it is the plain push, {@link #unnumbered}, for when it cannot be numbered.
   *
   * @param event the opening brace and the {@code "event"} member
   * @param room the {@code "room"} member and the name of the {@code "offset"} one, with its colon
   * @param tail the {@code "data"} member, after its comma, and the closing brace
   */
  public record Numbered(byte[] event, byte[] room, byte[] tail) {

    /** The push up to {@code "offset":}. */
    public byte[] head() {
      return concat(event, room);
    }

    /** The push with its offset and epoch (a short ASCII string that needs no escaping). */
    public byte[] with(long offset, String epoch) {
      return concat(
          event, room, Long.toString(offset).getBytes(StandardCharsets.US_ASCII), EPOCH_FIELD,
          epoch.getBytes(StandardCharsets.US_ASCII), QUOTE, tail);
    }

    /** The push as {@link #encode} writes it: no room, offset or epoch. */
    public byte[] unnumbered() {
      return concat(event, tail);
    }

    private static byte[] concat(byte[]... parts) {
      int length = 0;
      for (byte[] part : parts) {
        length += part.length;
      }
      byte[] whole = new byte[length];
      int at = 0;
      for (byte[] part : parts) {
        System.arraycopy(part, 0, whole, at, part.length);
        at += part.length;
      }
      return whole;
    }
  }

  /** A push to {@code room} that keeps history, without its offset and epoch yet. */
  public static Numbered numbered(String event, Object payload, CodecRegistry codecs, String room) {
    Objects.requireNonNull(event, "event");
    JsonCodec<Object> codec = codecs.forValue(payload);
    byte[] start = Json.writeBytes(
        generator -> {
          generator.disable(JsonGenerator.Feature.AUTO_CLOSE_JSON_CONTENT); // the object goes on
          generator.writeStartObject();
          generator.writeFieldName(EVENT);
          generator.writeString(event);
        });
    byte[] roomName = Json.writeBytes(generator -> generator.writeString(room));
    byte[] data = Json.writeBytes(
        generator -> {
          generator.writeStartObject();
          generator.writeFieldName(DATA);
          codec.write(generator, payload);
          generator.writeEndObject();
        });
    data[0] = ','; // {"data":…} becomes ,"data":…}
    return new Numbered(start, Numbered.concat(ROOM_FIELD, roomName, OFFSET_FIELD), data);
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
