package io.switchboard.undertow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.undertow.testing.Await;
import io.switchboard.undertow.testing.TestEndpoint;
import io.switchboard.undertow.testing.TestServers;
import io.switchboard.undertow.testing.WsClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Per-session ordering, worker-pool isolation of blocking handlers, and lifecycle callbacks. */
class ExecutionTest {

  @Test
  void repliesComeInRequestOrderAcrossWorkerAndIoThreadCommands() throws Exception {
    try (SwitchboardServer server = TestServers.builder(new TestEndpoint()).rateLimit(0, 0).start()) {
      List<CompletableFuture<Void>> clients = new ArrayList<>();
      for (int c = 0; c < 4; c++) {
        clients.add(
            CompletableFuture.runAsync(
                () -> {
                  try (WsClient client = WsClient.connect(server.port(), "/test")) {
                    for (int i = 0; i < 300; i++) {
                      // alternate an IO-thread command, a worker command and an async one
                      String command = switch (i % 3) {
                        case 0 -> "{\"cmd\":\"echoInt\",\"id\":" + i + ",\"data\":" + i + "}";
                        case 1 -> "{\"cmd\":\"add\",\"id\":" + i + ",\"data\":{\"a\":" + i + ",\"b\":0}}";
                        default -> "{\"cmd\":\"later\",\"id\":" + i + ",\"data\":" + (i % 7) + "}";
                      };
                      client.socket().sendText(command, true).join();
                    }
                    for (int i = 0; i < 300; i++) {
                      String reply = client.next();
                      assertTrue(reply.startsWith("{\"re\":" + i + ","), "reply " + i + " was " + reply);
                    }
                  } catch (Exception e) {
                    throw new AssertionError(e);
                  }
                }));
      }
      CompletableFuture.allOf(clients.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    }
  }

  /**
   * The replies after one that waits on its {@code CompletionStage} wait too, in order. They are
   * held in memory, so the session stops reading, as for a backlog of handler tasks, until the
   * stage completes, rather than hold a reply for every message the client goes on sending. The
   * pongs it does not read meanwhile do not count against the client.
   */
  @Test
  void aStageThatDoesNotCompleteHoldsBackTheSessionsReads() throws Exception {
    int after = 300;
    String name = "x".repeat(1_000);
    TestEndpoint endpoint = new TestEndpoint();
    try (SwitchboardServer server =
            TestServers.builder(endpoint)
                .rateLimit(0, 0)
                .pingInterval(Duration.ofMillis(100))
                .pongTimeout(Duration.ofMillis(100))
                .start();
        WsClient client = WsClient.connect(server.port(), "/test")) {
      client.send("pending");
      for (int i = 0; i < after; i++) {
        client.send("name " + name);
      }
      Await.until("the backlog is full", () -> server.stats().messagesIn() >= 64);
      long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
      while (System.nanoTime() < until) {
        long read = server.stats().messagesIn();
        assertTrue(read < 1 + after / 2, "read " + read + " messages while the first reply waits");
        Thread.sleep(10);
      }
      endpoint.pending.complete("done");
      assertEquals("done", client.next());
      for (int i = 0; i < after; i++) {
        assertEquals("Hi " + name, client.next());
      }
    }
  }

  @Test
  void blockingHandlerDoesNotDelayAnotherSessionsReplies() throws Exception {
    TestEndpoint endpoint = new TestEndpoint();
    try (SwitchboardServer server = TestServers.builder(endpoint).start();
        WsClient blocked = WsClient.connect(server.port(), "/test");
        WsClient other = WsClient.connect(server.port(), "/test")) {
      blocked.send("block");
      assertTrue(endpoint.blocked.await(10, TimeUnit.SECONDS));
      other.send("hello"); // a worker command
      assertEquals("Hello, human", other.next());
      other.send("echoInt 5"); // an IO-thread command
      assertEquals("5", other.next());
      assertEquals(null, blocked.poll(Duration.ofMillis(50)), "still blocked");
      endpoint.gate.countDown();
      assertEquals("unblocked", blocked.next());
    }
  }

  @Test
  void onOpenRunsBeforeTheFirstMessageAndOnCloseGetsTheCode() throws Exception {
    TestEndpoint endpoint = new TestEndpoint();
    try (SwitchboardServer server = TestServers.builder(endpoint).start()) {
      WsClient client = WsClient.connect(server.port(), "/test");
      client.send("whoami");
      assertEquals("anonymous none -", client.next());
      assertEquals("/test", endpoint.opened.poll(5, TimeUnit.SECONDS).path());
      client.socket().sendClose(4001, "done here").join();
      assertEquals(new io.switchboard.CloseReason(4001, "done here"), endpoint.closed.poll(10, TimeUnit.SECONDS));
      client.close();
    }
  }

  @Test
  void droppedConnectionIsReportedAs1006() throws Exception {
    TestEndpoint endpoint = new TestEndpoint();
    try (SwitchboardServer server = TestServers.builder(endpoint).start()) {
      var raw = io.switchboard.undertow.testing.RawWebSocket.upgrade(server.port(), "/test");
      assertEquals(101, raw.status());
      assertTrue(endpoint.opened.poll(5, TimeUnit.SECONDS) != null);
      raw.close(); // no close frame
      assertEquals(StatusCodes.CONNECTION_LOST.code(), endpoint.closed.poll(10, TimeUnit.SECONDS).code());
      assertEquals(0, server.sessions("/test").count());
    }
  }

  @Test
  void nonBlockingCommandsRunOnTheIoThreadOthersOnTheHandlerPool() throws Exception {
    try (SwitchboardServer server = TestServers.builder(new TestEndpoint()).start();
        WsClient client = WsClient.connect(server.port(), "/test")) {
      // An IO-thread command runs there when nothing of the session is still ahead of it on the
      // pool (@OnOpen, or the tail of a previous task): ask until one finds the session idle.
      String io = "";
      for (int i = 0; i < 50 && !io.contains("I/O"); i++) {
        client.send("ioThread");
        io = client.next();
      }
      assertTrue(io.contains("I/O"), io);
      client.send("workerThread");
      String worker = client.next();
      assertTrue(worker.startsWith("switchboard-handler-"), worker);
    }
  }
}
