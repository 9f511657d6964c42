package io.switchboard.undertow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.CloseReason;

import io.switchboard.undertow.testing.Await;
import io.switchboard.undertow.testing.RawWebSocket;
import io.switchboard.undertow.testing.TestEndpoint;
import io.switchboard.undertow.testing.TestServers;
import io.switchboard.undertow.testing.WsClient;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A client that never reads while broadcasts go on: the slow-consumer policy deals with it, the
 * others get every message on time, and outbound memory stays bounded by the queue limit.
 */
class SlowConsumerTest {

  static final int MAX_QUEUED = 256 * 1024;
  static final String LINE = "x".repeat(32 * 1024);

  /** A WebSocket whose frames the test never reads (after the upgrade response). */
  static RawWebSocket neverReading(int port, boolean lossy) throws Exception {
    RawWebSocket raw = RawWebSocket.upgrade(port, "/test", java.util.Map.of());
    assertEquals(101, raw.status());
    if (lossy) {
      raw.sendText("lossy");
    }
    raw.sendText("hello");
    return raw;
  }

  /**
   * Broadcasts {@code count} lines of 32 KiB, never more than a few ahead of what the reading
   * client has received (a reader that keeps up), checking the outbound memory bound throughout.
   */
  static void broadcastWhileOneReads(SwitchboardServer server, WsClient reader, int count)
      throws Exception {
    long bound = 2L * MAX_QUEUED; // two sessions, each at most its queue limit
    int received = 0;
    for (int i = 0; i < count; i++) {
      server.broadcaster("/test").toAll("line", i + ":" + LINE);
      long queued = server.stats().queuedBytes();
      assertTrue(queued <= bound, "queued " + queued + " bytes, bound " + bound);
      while (received < i - 3) {
        String message = reader.next();
        assertEquals("{\"event\":\"line\",\"data\":\"" + received + ":" + LINE + "\"}", message);
        received++;
      }
    }
    while (received < count) {
      String message = reader.next();
      assertEquals("{\"event\":\"line\",\"data\":\"" + received + ":" + LINE + "\"}", message);
      received++;
    }
  }

  @Test
  void clientThatNeverReadsIsClosedAsSlowConsumerAndTheOtherGetsEverything() throws Exception {
    try (SwitchboardServer server =
            TestServers.builder(new TestEndpoint())
                .maxQueuedBytes(MAX_QUEUED)
                .closeTimeout(Duration.ofMillis(500))
                .start();
        RawWebSocket slow = neverReading(server.port(), false);
        WsClient reader = WsClient.connect(server.port(), "/test")) {
      broadcastWhileOneReads(server, reader, 400);
      assertEquals(1, server.stats().slowConsumerCloses());
      Await.until("the slow session is gone", () -> server.sessions("/test").count() == 1);
      assertTrue(server.stats().queuedBytes() <= MAX_QUEUED);
      assertTrue(server.stats().queuedMessages() <= MAX_QUEUED / LINE.length() + 1);
      reader.send("hello");
      assertEquals("Hello, human", reader.next());
    }
  }

  /**
   * The client stops reading in the middle of a frame, so the close frame waits behind a write that
   * never ends and the connection is dropped at the close timeout. The session still ended because
   * the server closed it: {@code @OnClose} gets 1008 at once, though the client asked for recovery,
   * which a dropped connection (1006) would have kept the session for.
   */
  @Test
  void onCloseGetsTheSlowConsumerCloseEvenWhenItsFrameCannotLeave() throws Exception {
    TestEndpoint endpoint = new TestEndpoint();
    try (SwitchboardServer server =
            TestServers.builder(endpoint)
                .maxQueuedBytes(MAX_QUEUED)
                .closeTimeout(Duration.ofMillis(500))
                .start();
        RawWebSocket slow = RawWebSocket.upgrade(server.port(), "/test?recover=");
        WsClient reader = WsClient.connect(server.port(), "/test")) {
      assertEquals(101, slow.status());
      broadcastWhileOneReads(server, reader, 400);
      assertEquals(1, server.stats().slowConsumerCloses());
      CloseReason reason = endpoint.closed.poll(10, TimeUnit.SECONDS);
      assertNotNull(reason, "@OnClose ran at once, not after the recovery window");
      assertEquals(StatusCodes.SLOW_CONSUMER, reason);
    }
  }

  @Test
  void lossyClientThatNeverReadsKeepsItsSessionAndDropsOldPushes() throws Exception {
    try (SwitchboardServer server =
            TestServers.builder(new TestEndpoint()).maxQueuedBytes(MAX_QUEUED).start();
        RawWebSocket slow = neverReading(server.port(), true);
        WsClient reader = WsClient.connect(server.port(), "/test")) {
      Await.until("the lossy client is set up", () -> server.stats().messagesOut() >= 1);
      broadcastWhileOneReads(server, reader, 400);
      assertEquals(0, server.stats().slowConsumerCloses());
      assertEquals(2, server.sessions("/test").count());
      assertTrue(server.stats().droppedMessages() > 0, "pushes were dropped");
      assertTrue(server.stats().queuedBytes() <= 2L * MAX_QUEUED);
    }
  }
}
