package io.switchboard.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a recovering client must remember, updated as messages arrive (whether or not a test has
 * taken them yet): the token of the last {@code $session} frame, and per room the offset and epoch
 * of the last push received. See {@code docs/protocol.md}, "Recovery".
 */
final class RecoveryState {

  private record Had(long offset, String epoch) {}

  private final Map<String, Had> rooms = new LinkedHashMap<>();
  private String token;

  RecoveryState() {}

  /** A copy, for the connection that recovers: it goes on from what this one had. */
  synchronized RecoveryState copy() {
    RecoveryState copy = new RecoveryState();
    copy.rooms.putAll(rooms);
    copy.token = token;
    return copy;
  }

  synchronized void seen(Received message) {
    JsonNode json = message.json();
    if (json == null || !json.path("event").isTextual()) {
      return;
    }
    if (json.get("event").asText().equals("$session")) {
      token = json.path("data").path("token").asText(null);
      return;
    }
    if (json.path("offset").canConvertToLong() && json.path("room").isTextual() && json.path("epoch").isTextual()) {
      rooms.put(json.get("room").asText(), new Had(json.get("offset").asLong(), json.get("epoch").asText()));
    }
  }

  synchronized String token() {
    return token;
  }

  /** {@code {"lobby":{"offset":17,"epoch":"…"}}}, the {@code offsets} query parameter. */
  synchronized String offsetsJson() {
    ObjectNode offsets = JsonNodeFactory.instance.objectNode();
    rooms.forEach((room, had) -> offsets.putObject(room).put("offset", had.offset()).put("epoch", had.epoch()));
    return offsets.toString();
  }
}
