package io.switchboard.undertow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.undertow.testing.Events;
import io.switchboard.undertow.testing.TestDispatcher;
import io.switchboard.undertow.testing.TestEndpoint;
import io.switchboard.undertow.testing.TestServers;
import io.switchboard.undertow.testing.WsClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code @Every} methods: no client trigger, no overlap, failures logged, stopped at shutdown. */
class ScheduleTest {

  static SwitchboardServer withTick(TestEndpoint endpoint, long periodMillis) {
    return TestServers.builder(new TestDispatcher("/test", List.of(), true, periodMillis), endpoint)
        .start();
  }

  @Test
  void pushesWithoutAnyClientMessage() throws Exception {
    TestEndpoint endpoint = new TestEndpoint();
    try (SwitchboardServer server = withTick(endpoint, 50);
        WsClient client = WsClient.connect(server.port(), "/test")) {
      for (int i = 0; i < 3; i++) {
        assertEquals("{\"event\":\"tick\",\"data\":\"tock\"}", Events.next(client, "tick"));
      }
      assertEquals(0, server.stats().messagesIn());
    }
  }

  @Test
  void aFailingRunIsLoggedAndTheScheduleGoesOn() throws Exception {
    TestEndpoint endpoint = new TestEndpoint();
    endpoint.tickFailures.set(2);
    try (SwitchboardServer server = withTick(endpoint, 50);
        WsClient client = WsClient.connect(server.port(), "/test")) {
      assertEquals("{\"event\":\"tick\",\"data\":\"tock\"}", Events.next(client, "tick"));
      assertTrue(server.stats().errors() >= 2, "both failures counted");
    }
  }

  @Test
  void aRunLongerThanThePeriodNeverOverlapsTheNext() throws Exception {
    TestEndpoint endpoint = new TestEndpoint();
    endpoint.tickMillis = 120; // each run spans more than two periods
    try (SwitchboardServer server = withTick(endpoint, 50)) {
      for (int i = 0; i < 4; i++) {
        assertNotNull(endpoint.scheduledRuns.poll(10, TimeUnit.SECONDS));
      }
      assertEquals(1, endpoint.maxConcurrentTicks.get());
    }
  }

  @Test
  void noRunAfterStop() throws Exception {
    TestEndpoint endpoint = new TestEndpoint();
    SwitchboardServer server = withTick(endpoint, 30);
    assertNotNull(endpoint.scheduledRuns.poll(10, TimeUnit.SECONDS));
    server.stop(Duration.ofSeconds(2));
    endpoint.scheduledRuns.clear();
    assertNull(endpoint.scheduledRuns.poll(200, TimeUnit.MILLISECONDS), "ran after stop");
  }
}
