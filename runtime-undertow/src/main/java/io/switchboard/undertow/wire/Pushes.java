package io.switchboard.undertow.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import io.switchboard.json.CodecRegistry;
import io.switchboard.json.Json;
import io.switchboard.json.JsonCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
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
  private static final SerializedString EPOCH = new SerializedString("epoch");

  private Pushes() {}

  /**
   * The UTF-8 bytes of one push; the payload goes through its generated codec.
   *
   * @throws IllegalArgumentException if the payload's type has no codec
   */
  public static byte[] encode(String event, Object payload, CodecRegistry codecs) {
    return encode(event, payload, codecs, null, 0, null);
  }

  /**
   * The UTF-8 bytes of one push to a room; with an {@code epoch} (a room that keeps history) it
   * carries the room, its offset and epoch.
   */
  public static byte[] encode(
      String event, Object payload, CodecRegistry codecs, String room, long offset, String epoch) {
    Objects.requireNonNull(event, "event");
    JsonCodec<Object> codec = codecs.forValue(payload);
    return Json.writeBytes(
        generator -> {
          generator.writeStartObject();
          generator.writeFieldName(EVENT);
          generator.writeString(event);
          if (epoch != null) {
            generator.writeFieldName(ROOM);
            generator.writeString(room);
            generator.writeFieldName(OFFSET);
            generator.writeNumber(offset);
            generator.writeFieldName(EPOCH);
            generator.writeString(epoch);
          }
          generator.writeFieldName(DATA);
          codec.write(generator, payload);
          generator.writeEndObject();
        });
  }
}
