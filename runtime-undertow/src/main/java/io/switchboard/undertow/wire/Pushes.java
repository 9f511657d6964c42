package io.switchboard.undertow.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import io.switchboard.json.CodecRegistry;
import io.switchboard.json.Json;
import io.switchboard.json.JsonCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/** Encodes the server push envelope {@code {"event":…,"data":…}}. */
public final class Pushes {

  private static final SerializedString EVENT = new SerializedString("event");
  private static final SerializedString DATA = new SerializedString("data");

  private Pushes() {}

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
