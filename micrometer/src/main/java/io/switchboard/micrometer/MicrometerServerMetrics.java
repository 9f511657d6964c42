package io.switchboard.micrometer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.switchboard.undertow.metrics.EndpointMetrics;
import io.switchboard.undertow.metrics.ServerMetrics;
import io.undertow.server.HttpHandler;

/** The meters of one server, per endpoint, and the scrape of its Prometheus registry if any. */
final class MicrometerServerMetrics implements ServerMetrics {

  private final MeterRegistry registry;
  private final PrometheusMeterRegistry prometheus;

  MicrometerServerMetrics(MeterRegistry registry, PrometheusMeterRegistry prometheus) {
    this.registry = registry;
    this.prometheus = prometheus;
  }

  @Override
  public EndpointMetrics endpoint(String path) {
    return new MicrometerEndpointMetrics(registry, path);
  }

  @Override
  public HttpHandler scrape() {
    return prometheus == null ? null : new PrometheusScrape(prometheus);
  }
}
