package io.switchboard.undertow.wire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.switchboard.json.Json;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a client asks of session recovery in the query of its upgrade URL ({@code
 * docs/protocol.md}, "Recovery"): {@code recover} present asks for a {@code $session} frame and a
 * session that outlives a dropped connection; its value, when not empty, is the token of the session
 * to recover, and {@code offsets} ({@code {"lobby":{"offset":17,"epoch":"…"}}}) what the client
 * had of each room.
 *
 * <p>The query rides on the upgrade request, so the server knows before it runs anything of the
 * app whether this is a new session or one coming back: {@code @OnOpen} runs for the first only.
 *
 * @param asked whether the client asked for recovery at all
 * @param token the session to recover, or null for a new one
 * @param offsets per room, the last offset the client had, and its epoch
 * @param malformed whether {@code offsets} could not be read (the session is then not recovered)
 */
public record RecoveryRequest(boolean asked, String token, Map<String, RoomOffset> offsets, boolean malformed) {

  /** The last push a client had of a room. */
  public record RoomOffset(long offset, String epoch) {}

  private static final RecoveryRequest NONE = new RecoveryRequest(false, null, Map.of(), false);

  /** Reads the request's query parameters. */
  public static RecoveryRequest of(Map<String, List<String>> query) {
    return of(first(query.get("recover")), first(query.get("offsets")));
  }

  private static String first(List<String> values) {
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  static RecoveryRequest of(String recover, String offsets) {
    if (recover == null) {
      return NONE;
    }
    String token = recover.isBlank() ? null : recover.strip();
    if (offsets == null || offsets.isBlank()) {
      return new RecoveryRequest(true, token, Map.of(), false);
    }
    try {
      return new RecoveryRequest(true, token, parseOffsets(offsets), false);
    } catch (IOException | IllegalArgumentException e) {
      return new RecoveryRequest(true, token, Map.of(), true);
    }
  }

  private static Map<String, RoomOffset> parseOffsets(String json) throws IOException {
    Map<String, RoomOffset> offsets = new LinkedHashMap<>();
    try (JsonParser parser = Json.FACTORY.createParser(json)) {
      expect(parser.nextToken(), JsonToken.START_OBJECT);
      String room;
      while ((room = parser.nextFieldName()) != null) {
        expect(parser.nextToken(), JsonToken.START_OBJECT);
        long offset = -1;
        String epoch = null;
        String field;
        while ((field = parser.nextFieldName()) != null) {
          JsonToken value = parser.nextToken();
          switch (field) {
            case "offset" -> {
              expect(value, JsonToken.VALUE_NUMBER_INT);
              offset = parser.getLongValue();
            }
            case "epoch" -> {
              expect(value, JsonToken.VALUE_STRING);
              epoch = parser.getText();
            }
            default -> parser.skipChildren();
          }
        }
        if (offset < 0 || epoch == null) {
          throw new IllegalArgumentException("offsets of " + room + ": offset and epoch are required");
        }
        offsets.put(room, new RoomOffset(offset, epoch));
      }
      if (parser.nextToken() != null) {
        throw new IllegalArgumentException("content after the offsets");
      }
    }
    return Map.copyOf(offsets);
  }

  private static void expect(JsonToken actual, JsonToken expected) {
    if (actual != expected) {
      throw new IllegalArgumentException("expected " + expected + ", got " + actual);
    }
  }

  /** The room names, for logs. */
  public List<String> rooms() {
    return List.copyOf(offsets.keySet());
  }
}
