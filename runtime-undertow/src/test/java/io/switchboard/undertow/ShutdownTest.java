package io.switchboard.undertow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.CloseReason;
import io.switchboard.undertow.testing.Await;
import io.switchboard.undertow.testing.RawWebSocket;
import io.switchboard.undertow.testing.TestEndpoint;
import io.switchboard.undertow.testing.TestServers;
import io.switchboard.undertow.testing.WsClient;
import java.net.ConnectException;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Graceful stop: every session gets 1001 after its pending replies, then the port closes. */
class ShutdownTest {

  @Test
  void stopSends1001ToEveryClientAndReleasesThePort() throws Exception {
    TestEndpoint endpoint = new TestEndpoint();
    SwitchboardServer server = TestServers.builder(endpoint).start();
    List<WsClient> clients = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      clients.add(WsClient.connect(server.port(), "/test"));
    }
    int port = server.port();
    server.stop(Duration.ofSeconds(5));
    for (WsClient client : clients) {
      WsClient.Closed closed = client.awaitClose();
      assertEquals(StatusCodes.SERVER_STOPPING.code(), closed.code());
      assertEquals(StatusCodes.SERVER_STOPPING.reason(), closed.reason());
      client.close();
    }
    assertEquals(0, server.stats().openSessions());
    // The clients answered with close frames of their own; the sessions ended for the server's
    // reason, which is what @OnClose hears.
    assertEquals(clients.size(), endpoint.closed.size());
    for (CloseReason reason : endpoint.closed) {
      assertEquals(StatusCodes.SERVER_STOPPING, reason);
    }
    assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close());
    server.stop(Duration.ofSeconds(1)); // idempotent
  }

  /**
   * Clients that do not answer the close frame are dropped at the stop's deadline; their sessions'
   * {@code @OnClose}, which take a while here, still run to the end before {@code stop} returns,
   * with the server's 1001.
   */
  @Test
  void onCloseRunsForTheSessionsDroppedAtTheDeadline() throws Exception {
    int sessions = 24; // more than the handler pool's threads
    TestEndpoint endpoint = new TestEndpoint();
    endpoint.closeMillis = 100;
    SwitchboardServer server = TestServers.builder(endpoint).start();
    List<RawWebSocket> silent = new ArrayList<>();
    try {
      for (int i = 0; i < sessions; i++) {
        silent.add(RawWebSocket.upgrade(server.port(), "/test"));
        assertNotNull(endpoint.opened.poll(10, TimeUnit.SECONDS));
      }
      server.stop(Duration.ofMillis(300));
      assertEquals(sessions, endpoint.closed.size(), "every @OnClose ran before stop returned");
      for (CloseReason reason : endpoint.closed) {
        assertEquals(StatusCodes.SERVER_STOPPING, reason);
      }
    } finally {
      for (RawWebSocket socket : silent) {
        socket.close();
      }
    }
  }

  @Test
  void messagesReceivedBeforeStopAreAnsweredBeforeTheClose() throws Exception {
    TestEndpoint endpoint = new TestEndpoint();
    SwitchboardServer server = TestServers.builder(endpoint).start();
    try (WsClient client = WsClient.connect(server.port(), "/test")) {
      client.send("block");
      client.send("hello");
      assertTrue(endpoint.blocked.await(10, TimeUnit.SECONDS));
      Await.until("both messages received", () -> server.stats().messagesIn() == 2);
      CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> server.stop(Duration.ofSeconds(10)));
      endpoint.gate.countDown();
      assertEquals("unblocked", client.next());
      assertEquals("Hello, human", client.next());
      assertEquals(StatusCodes.SERVER_STOPPING.code(), client.awaitClose().code());
      stopping.get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void stopFromAHandlerDoesNotWaitForItself() throws Exception {
    TestEndpoint endpoint = new TestEndpoint();
    SwitchboardServer server = TestServers.builder(endpoint).start();
    endpoint.stopServer = () -> server.stop(Duration.ofSeconds(30));
    try (WsClient client = WsClient.connect(server.port(), "/test")) {
      long start = System.nanoTime();
      client.send("{\"cmd\":\"stopServer\",\"id\":1}");
      assertEquals("{\"re\":1,\"cmd\":\"stopServer\"}", client.next());
      assertEquals(StatusCodes.SERVER_STOPPING.code(), client.awaitClose().code());
      long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
      assertTrue(seconds < 10, "stopped in " + seconds + " s, not at the 30 s deadline");
    }
  }
}
