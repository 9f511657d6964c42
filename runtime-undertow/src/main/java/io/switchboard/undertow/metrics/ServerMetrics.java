package io.switchboard.undertow.metrics;

import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

import io.undertow.server.HttpHandler;

/** The metrics bound to one server: one {@link EndpointMetrics} per endpoint, and maybe a scrape. */
public interface ServerMetrics {

  ServerMetrics NONE =
      new ServerMetrics() {
        @Override
        public EndpointMetrics endpoint(String path) {
          return EndpointMetrics.NONE;
        }

        @Override
        public HttpHandler scrape() {
          return null;
        }
      };

  /** The meters of the endpoint at {@code path}, all tagged {@code endpoint=path}. */
  EndpointMetrics endpoint(String path);

  /** The handler that serves {@code metrics-path} (a Prometheus scrape), or null for none. */
  HttpHandler scrape();

  /**
   * Meters the server's cluster bus: whether it reaches the other nodes (always, on a single
   * node) and the pushes for other nodes it dropped, both read when the registry asks.
   */
  default void cluster(BooleanSupplier connected, LongSupplier dropped) {}

  /**
   * A request head was refused before its path was known (431 over {@code max-header-size}, 414
   * for its request line alone): counted as a refused handshake without an endpoint.
   */
  default void requestHeadRefused(int status) {}
}
