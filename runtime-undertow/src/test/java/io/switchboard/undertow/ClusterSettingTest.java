package io.switchboard.undertow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.undertow.testing.Await;
import io.switchboard.undertow.testing.TestEndpoint;
import io.switchboard.undertow.testing.TestServers;
import io.switchboard.undertow.testing.WsClient;
import org.junit.jupiter.api.Test;

/**
 * The {@code cluster} setting on a class path without a cluster bus module: no setting is a single
 * node; a URI whose scheme nothing serves fails the start in one line that names what to add.
 */
class ClusterSettingTest {

  @Test
  void withoutTheSettingTheServerIsASingleNode() throws Exception {
    try (SwitchboardServer server = TestServers.builder(new TestEndpoint()).start()) {
      assertTrue(server.stats().clusterConnected(), "the single-node bus is always connected");
      assertEquals(0, server.stats().clusterDropped());
      WsClient client = WsClient.connect(server.port(), "/test");
      try {
        Await.until("the session is registered", () -> server.sessions("/test").count() == 1);
        assertEquals(1, server.broadcaster("/test").toAll("ping", "hi"), "delivered locally");
        assertTrue(client.next().contains("\"event\":\"ping\""));
      } finally {
        client.close();
      }
    }
  }

  @Test
  void aRedisUriWithoutTheModuleNamesTheArtifact() {
    IllegalStateException failure = assertThrows(IllegalStateException.class,
        () -> TestServers.builder(new TestEndpoint()).cluster("redis://127.0.0.1:6379").start());
    assertEquals(
        "no cluster bus for redis:// on the class path: add io.switchboard:switchboard-redis",
        failure.getMessage());
  }

  @Test
  void anUnknownSchemeIsNamed() {
    IllegalStateException failure = assertThrows(IllegalStateException.class,
        () -> TestServers.builder(new TestEndpoint()).cluster("nats://127.0.0.1:4222").start());
    assertTrue(failure.getMessage().startsWith("no cluster bus for nats:// on the class path"),
        failure.getMessage());
  }

  @Test
  void aValueThatIsNoUriIsRefused() {
    IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
        () -> TestServers.builder(new TestEndpoint()).cluster("127.0.0.1:6379").start());
    assertTrue(failure.getMessage().contains("must be a URI such as redis://127.0.0.1:6379"),
        failure.getMessage());
  }
}
