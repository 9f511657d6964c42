package io.switchboard.redis.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.test.WsTestClient;
import java.util.ArrayList;
import java.util.List;

/** Reads a client's pushes in order. */
public final class Events {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Events() {}

  /**
   * Every push (as {@code {"event":…,"data":…}}) the client receives before the push of event
   * {@code marker}, in order; the marker itself is not included. Replies are skipped.
   */
  public static List<JsonNode> until(WsTestClient client, String marker) {
    List<JsonNode> events = new ArrayList<>();
    while (true) {
      JsonNode message = read(client.awaitText());
      if (!message.has("event")) {
        continue;
      }
      if (message.get("event").asText().equals(marker)) {
        return events;
      }
      events.add(message);
    }
  }

  /** The texts ({@code data.text}) of the pushes of {@code event} among {@code events}. */
  public static List<String> texts(List<JsonNode> events, String event) {
    return events.stream()
        .filter(e -> e.get("event").asText().equals(event))
        .map(e -> e.path("data").path("text").asText())
        .toList();
  }

  private static JsonNode read(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }
}
