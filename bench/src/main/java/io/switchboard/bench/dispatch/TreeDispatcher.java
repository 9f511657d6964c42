package io.switchboard.bench.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.example.bench.Ack;
import com.example.bench.ChatLine;
import com.example.bench.Order;
import com.example.bench.OrderDeskEndpoint;
import java.io.IOException;

/**
 * The baseline of the dispatch benchmark: what a hand-written WebSocket handler on
 * jackson-databind does with the same envelope. It reads the message into a tree, switches on
 * {@code cmd}, converts {@code data} to the payload type, calls the handler, and builds the reply
 * envelope as a tree.
 */
final class TreeDispatcher {

  private final ObjectMapper mapper;
  private final OrderDeskEndpoint endpoint;

  TreeDispatcher(ObjectMapper mapper, OrderDeskEndpoint endpoint) {
    this.mapper = mapper;
    this.endpoint = endpoint;
  }

  /** Handles one request envelope and returns the reply envelope as UTF-8 JSON. */
  byte[] handle(String message) throws IOException {
    JsonNode request = mapper.readTree(message);
    String command = request.path("cmd").asText();
    JsonNode data = request.get("data");
    Ack reply =
        switch (command) {
          case "say" -> endpoint.say(mapper.treeToValue(data, ChatLine.class));
          case "place" -> endpoint.place(mapper.treeToValue(data, Order.class));
          default -> throw new IllegalArgumentException("unknown command: " + command);
        };
    ObjectNode envelope = mapper.createObjectNode();
    envelope.set("re", request.get("id"));
    envelope.put("cmd", command);
    envelope.set("data", mapper.valueToTree(reply));
    return mapper.writeValueAsBytes(envelope);
  }
}
