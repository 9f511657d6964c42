package io.switchboard.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

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

  @Override
  public void cluster(BooleanSupplier connected, LongSupplier dropped) {
    Gauge.builder("switchboard.cluster.connected", connected, c -> c.getAsBoolean() ? 1 : 0)
        .description("1 while the cluster bus reaches the other nodes (always, on a single node)")
        .register(registry);
    FunctionCounter.builder("switchboard.cluster.dropped", dropped, LongSupplier::getAsLong)
        .description("pushes for other nodes dropped while the cluster bus was unreachable")
        .register(registry);
  }

  /**
   * Same meter as an endpoint's refusals, with an empty {@code endpoint}: the head was refused
   * before its path was read. (Prometheus treats the empty label as absent, and every meter of
   * the name keeps the same tag keys, as it requires.)
   */
  @Override
  public void requestHeadRefused(int status) {
    Counter.builder("switchboard.handshakes.refused")
        .description("upgrades refused")
        .tag("endpoint", "")
        .tag("status", String.valueOf(status))
        .register(registry)
        .increment();
  }
}
