package io.switchboard.undertow.metrics;

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
}
