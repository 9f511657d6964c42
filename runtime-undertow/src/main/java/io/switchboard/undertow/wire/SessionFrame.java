package io.switchboard.undertow.wire;

import com.fasterxml.jackson.core.io.SerializedString;
import io.switchboard.json.Json;
import java.util.Map;

/**
 * The {@code $session} push of session recovery ({@code docs/protocol.md}, "Recovery"):
 *
 * <pre>{@code
 * {"event":"$session","data":{"id":"s12","token":"…","recovered":true,
 *   "rooms":{"lobby":{"recovered":true,"missed":20}},"direct":{"recovered":true,"missed":1}}}
 * }</pre>
 *
 * A new session gets it with {@code "recovered":false} and no rooms, before anything its
 * {@code @OnOpen} sends; a recovered one gets it after what it missed.
 */
public final class SessionFrame {

  /** How one room (or the direct messages) came back. */
  public record Outcome(boolean recovered, int missed) {}

  private static final SerializedString EVENT = new SerializedString("event");
  private static final SerializedString DATA = new SerializedString("data");
  private static final SerializedString RECOVERED = new SerializedString("recovered");
  private static final SerializedString MISSED = new SerializedString("missed");

  private SessionFrame() {}

  /** The frame of a new session, or of one that could not be recovered. */
  public static byte[] fresh(String sessionId, String token) {
    return encode(sessionId, token, false, Map.of(), null);
  }

  /** The frame of a recovered session. */
  public static byte[] recovered(String sessionId, String token, Map<String, Outcome> rooms, Outcome direct) {
    return encode(sessionId, token, true, rooms, direct);
  }

  private static byte[] encode(
      String sessionId, String token, boolean recovered, Map<String, Outcome> rooms, Outcome direct) {
    return Json.writeBytes(
        generator -> {
          generator.writeStartObject();
          generator.writeFieldName(EVENT);
          generator.writeString("$session");
          generator.writeFieldName(DATA);
          generator.writeStartObject();
          generator.writeStringField("id", sessionId);
          generator.writeStringField("token", token);
          generator.writeFieldName(RECOVERED);
          generator.writeBoolean(recovered);
          generator.writeObjectFieldStart("rooms");
          for (Map.Entry<String, Outcome> room : rooms.entrySet()) {
            generator.writeFieldName(room.getKey());
            outcome(generator, room.getValue());
          }
          generator.writeEndObject();
          if (direct != null) {
            generator.writeFieldName("direct");
            outcome(generator, direct);
          }
          generator.writeEndObject();
          generator.writeEndObject();
        });
  }

  private static void outcome(com.fasterxml.jackson.core.JsonGenerator generator, Outcome outcome)
      throws java.io.IOException {
    generator.writeStartObject();
    generator.writeFieldName(RECOVERED);
    generator.writeBoolean(outcome.recovered());
    generator.writeFieldName(MISSED);
    generator.writeNumber(outcome.missed());
    generator.writeEndObject();
  }
}
