package io.switchboard.micrometer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.switchboard.undertow.metrics.MetricsBinder;
import io.switchboard.undertow.metrics.ServerMetrics;

/**
 * Found by the runtime through ServiceLoader: binds a server's meters to the application's
 * {@link MeterRegistry} and, for {@code metrics-path}, to a Prometheus registry that the path
 * scrapes (the application's own, if it is one).
 */
public final class MicrometerBinder implements MetricsBinder {

  @Override
  public ServerMetrics bind(Object registry, boolean scrape) {
    if (registry != null && !(registry instanceof MeterRegistry)) {
      throw new IllegalArgumentException(
          "meterRegistry takes an io.micrometer.core.instrument.MeterRegistry, not a "
              + registry.getClass().getName());
    }
    MeterRegistry application = (MeterRegistry) registry;
    PrometheusMeterRegistry prometheus = null;
    if (scrape) {
      prometheus =
          application instanceof PrometheusMeterRegistry own
              ? own
              : new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    }
    return new MicrometerServerMetrics(target(application, prometheus), prometheus);
  }

  /** The one registry the meters go to: the application's, the scraped one, or both. */
  private static MeterRegistry target(MeterRegistry application, PrometheusMeterRegistry prometheus) {
    if (application == null || application == prometheus) {
      return prometheus;
    }
    if (prometheus == null) {
      return application;
    }
    return new CompositeMeterRegistry().add(application).add(prometheus);
  }
}
