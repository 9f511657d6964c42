package io.switchboard.undertow.metrics;

import java.util.ServiceLoader;

/**
 * Binds a server to a metrics library; found with {@link ServiceLoader}, so that the runtime
 * itself depends on none. {@code switchboard-micrometer} provides the one for Micrometer.
 */
public interface MetricsBinder {

  /**
   * @param registry the application's registry ({@code ServerBuilder.meterRegistry}), or null
   * @param scrape whether {@link ServerMetrics#scrape()} must serve a scrape ({@code metrics-path})
   * @throws IllegalArgumentException if this binder cannot use {@code registry}
   */
  ServerMetrics bind(Object registry, boolean scrape);

  /**
   * The metrics for these settings: none when neither is set, else those of the binder on the
   * class path.
   *
   * @throws IllegalStateException if metrics are asked for and no binder is on the class path
   */
  static ServerMetrics load(Object registry, String metricsPath, ClassLoader loader) {
    if (registry == null && metricsPath == null) {
      return ServerMetrics.NONE;
    }
    MetricsBinder binder =
        ServiceLoader.load(MetricsBinder.class, loader)
            .findFirst()
            .orElseThrow(() -> new IllegalStateException(
                "meterRegistry and metrics-path need io.switchboard:switchboard-micrometer on the"
                    + " class path"));
    return binder.bind(registry, metricsPath != null);
  }
}
