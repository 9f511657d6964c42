package io.switchboard.undertow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.undertow.testing.Await;
import io.switchboard.undertow.testing.RawWebSocket;
import io.switchboard.undertow.testing.TestEndpoint;
import io.switchboard.undertow.testing.TestServers;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A {@code join} that runs after its connection is gone (a command queued behind a slow one): the
 * session must not turn up among the room's members, where nothing would ever remove it.
 */
class LateJoinTest {

  /**
   * Sends {@code block}, then {@code join room}, then {@code crash} (whose {@code @OnError} tells
   * that the join has run), and drops the connection once the first one blocks.
   */
  private static void joinAfterTheDrop(SwitchboardServer server, TestEndpoint endpoint, String path)
      throws Exception {
    try (RawWebSocket client = RawWebSocket.upgrade(server.port(), path)) {
      assertEquals(101, client.status());
      client.sendText("block");
      assertTrue(endpoint.blocked.await(10, TimeUnit.SECONDS));
      client.sendText("join late");
      client.sendText("crash");
    } // no close frame: the connection just drops
    Await.until("the server saw the drop", () -> server.sessions("/test").count() == 0);
    endpoint.gate.countDown();
    assertNotNull(endpoint.errors.poll(10, TimeUnit.SECONDS), "the commands after the join ran");
  }

  @Test
  void aSessionKeptForRecoveryIsNoMemberOfARoomItJoinsWhileAway() throws Exception {
    TestEndpoint endpoint = new TestEndpoint();
    try (SwitchboardServer server = TestServers.builder(endpoint).start()) {
      joinAfterTheDrop(server, endpoint, "/test?recover=");
      assertEquals(0, server.rooms("/test").count("late"), "nobody is connected to the room");
    }
  }

  @Test
  void aClosedSessionIsNoMemberOfARoomItJoinsAfterItsEnd() throws Exception {
    TestEndpoint endpoint = new TestEndpoint();
    try (SwitchboardServer server = TestServers.builder(endpoint).start()) {
      joinAfterTheDrop(server, endpoint, "/test");
      assertNotNull(endpoint.closed.poll(10, TimeUnit.SECONDS), "@OnClose ran");
      assertEquals(0, server.rooms("/test").count("late"));
    }
  }
}
