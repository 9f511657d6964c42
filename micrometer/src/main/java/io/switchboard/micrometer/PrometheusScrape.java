package io.switchboard.micrometer;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;

/** {@code metrics-path}: the registry in Prometheus' text format, for {@code GET}. */
final class PrometheusScrape implements HttpHandler {

  private static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry;

  PrometheusScrape(PrometheusMeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) {
    if (!exchange.getRequestMethod().equals(Methods.GET)) {
      exchange.setStatusCode(405);
      exchange.getResponseHeaders().put(Headers.ALLOW, "GET");
      exchange.endExchange();
      return;
    }
    if (exchange.isInIoThread()) {
      exchange.dispatch(this); // a scrape walks every meter: not on an IO thread
      return;
    }
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, TEXT_FORMAT);
    exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
    exchange.getResponseSender().send(registry.scrape());
  }
}
