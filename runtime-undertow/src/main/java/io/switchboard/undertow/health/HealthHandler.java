package io.switchboard.undertow.health;

import com.fasterxml.jackson.core.JsonGenerator;
import io.switchboard.json.Json;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.PathHandler;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import java.io.IOException;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The probes of {@code health-path}, for load balancers and Kubernetes: {@code {path}/live} is 200
 * while the process serves HTTP at all; {@code {path}/ready} is 200 while every {@link
 * ReadinessCheck} holds, else 503, and names each check either way.
 */
public final class HealthHandler {

  private final List<ReadinessCheck> checks = new CopyOnWriteArrayList<>();

  /** Adds a check that {@code /ready} consults from now on. */
  public void add(ReadinessCheck check) {
    checks.add(check);
  }

  /** Serves {@code {path}/live} and {@code {path}/ready} on {@code paths}. */
  public void serveOn(PathHandler paths, String path) {
    String base = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    paths.addExactPath(base + "/live", getOnly(exchange -> send(exchange, 200, "{\"status\":\"up\"}")));
    paths.addExactPath(base + "/ready", getOnly(this::ready));
  }

  /** {@code {"status":"ready","checks":{"accepting":"up"}}}, or 503 and "not ready". */
  private void ready(HttpServerExchange exchange) throws IOException {
    Map<String, Boolean> results = new LinkedHashMap<>();
    checks.forEach(check -> results.put(check.name(), check.ready()));
    boolean ready = !results.containsValue(false);
    StringWriter out = new StringWriter();
    try (JsonGenerator json = Json.FACTORY.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("status", ready ? "ready" : "not ready");
      json.writeObjectFieldStart("checks");
      for (Map.Entry<String, Boolean> result : results.entrySet()) {
        json.writeStringField(result.getKey(), result.getValue() ? "up" : "down");
      }
      json.writeEndObject();
      json.writeEndObject();
    }
    send(exchange, ready ? 200 : 503, out.toString());
  }

  private static HttpHandler getOnly(HttpHandler handler) {
    return exchange -> {
      if (!exchange.getRequestMethod().equals(Methods.GET) && !exchange.getRequestMethod().equals(Methods.HEAD)) {
        exchange.setStatusCode(405);
        exchange.getResponseHeaders().put(Headers.ALLOW, "GET, HEAD");
        exchange.endExchange();
        return;
      }
      handler.handleRequest(exchange);
    };
  }

  private static void send(HttpServerExchange exchange, int status, String json) {
    exchange.setStatusCode(status);
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
    exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
    exchange.getResponseSender().send(json);
  }
}
