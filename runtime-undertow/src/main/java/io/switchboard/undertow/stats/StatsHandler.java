package io.switchboard.undertow.stats;

import com.fasterxml.jackson.core.JsonGenerator;
import io.switchboard.json.Json;
import io.switchboard.undertow.ServerStats;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import java.io.StringWriter;
import java.io.IOException;
import java.util.function.Supplier;

/** The optional read-only stats endpoint: {@code GET} returns {@link ServerStats} as JSON. */
public final class StatsHandler implements HttpHandler {

  private final Supplier<ServerStats> stats;

  public StatsHandler(Supplier<ServerStats> stats) {
    this.stats = stats;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    if (!exchange.getRequestMethod().equals(Methods.GET)) {
      exchange.setStatusCode(405);
      exchange.getResponseHeaders().put(Headers.ALLOW, "GET");
      exchange.endExchange();
      return;
    }
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
    exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
    exchange.getResponseSender().send(toJson(stats.get()));
  }

  /** {@code {"openSessions":3,"rooms":1,…}}, one member per {@link ServerStats} component. */
  public static String toJson(ServerStats s) throws IOException {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = Json.FACTORY.createGenerator(out)) {
      json.writeStartObject();
      json.writeNumberField("openSessions", s.openSessions());
      json.writeNumberField("rooms", s.rooms());
      json.writeNumberField("connections", s.connections());
      json.writeNumberField("rejectedHandshakes", s.rejectedHandshakes());
      json.writeNumberField("messagesIn", s.messagesIn());
      json.writeNumberField("messagesOut", s.messagesOut());
      json.writeNumberField("bytesIn", s.bytesIn());
      json.writeNumberField("bytesOut", s.bytesOut());
      json.writeNumberField("broadcasts", s.broadcasts());
      json.writeNumberField("queuedMessages", s.queuedMessages());
      json.writeNumberField("queuedBytes", s.queuedBytes());
      json.writeNumberField("droppedMessages", s.droppedMessages());
      json.writeNumberField("slowConsumerCloses", s.slowConsumerCloses());
      json.writeNumberField("rateLimited", s.rateLimited());
      json.writeNumberField("errors", s.errors());
      json.writeBooleanField("clusterConnected", s.clusterConnected());
      json.writeNumberField("clusterDropped", s.clusterDropped());
      json.writeEndObject();
    }
    return out.toString();
  }
}
