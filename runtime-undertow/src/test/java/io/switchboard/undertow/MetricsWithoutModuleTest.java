package io.switchboard.undertow;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.undertow.testing.TestEndpoint;
import io.switchboard.undertow.testing.TestServers;
import org.junit.jupiter.api.Test;

/**
 * The runtime alone has no metrics library: asking for metrics without switchboard-micrometer on
 * the class path fails the start with a message that names the module (its tests cover the rest).
 */
class MetricsWithoutModuleTest {

  @Test
  void metricsPathWithoutTheModuleFailsTheStartNamingIt() {
    IllegalStateException refused =
        assertThrows(IllegalStateException.class,
            () -> TestServers.builder(new TestEndpoint()).metricsPath("/metrics").start().close());
    assertTrue(refused.getMessage().contains("io.switchboard:switchboard-micrometer"), refused.getMessage());
  }

  @Test
  void aMeterRegistryWithoutTheModuleFailsTheStartNamingIt() {
    IllegalStateException refused =
        assertThrows(IllegalStateException.class,
            () -> TestServers.builder(new TestEndpoint()).meterRegistry(new Object()).start().close());
    assertTrue(refused.getMessage().contains("io.switchboard:switchboard-micrometer"), refused.getMessage());
  }
}
