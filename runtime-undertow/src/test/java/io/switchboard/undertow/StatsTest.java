package io.switchboard.undertow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchboard.undertow.testing.Await;
import io.switchboard.undertow.testing.TestEndpoint;
import io.switchboard.undertow.testing.TestServers;
import io.switchboard.undertow.testing.WsClient;
import org.junit.jupiter.api.Test;

/** The counters of {@link SwitchboardServer#stats()}. */
class StatsTest {

  @Test
  void countsSessionsMessagesBytesAndErrors() throws Exception {
    try (SwitchboardServer server = TestServers.builder(new TestEndpoint()).start()) {
      try (WsClient client = WsClient.connect(server.port(), "/test")) {
        client.send("hello"); // 5 bytes in, "Hello, human" 12 bytes out
        assertEquals("Hello, human", client.next());
        client.send("crash"); // 5 bytes in, an internal error reply out
        String error = client.next();
        client.send("join room"); // 9 bytes in, nothing out
        client.send("hello");
        assertEquals("Hello, human", client.next());
        Await.until("the last reply is counted", () -> server.stats().messagesOut() == 3);
        ServerStats stats = server.stats();
        assertEquals(1, stats.openSessions());
        assertEquals(1, stats.rooms());
        assertEquals(1, stats.connections());
        assertEquals(4, stats.messagesIn());
        assertEquals(5 + 5 + 9 + 5, stats.bytesIn());
        assertEquals(12 + error.length() + 12, stats.bytesOut());
        assertEquals(1, stats.errors());
        assertEquals(0, stats.queuedBytes());
        assertEquals(0, stats.queuedMessages());
        assertEquals(0, stats.broadcasts());
        assertEquals(1, server.broadcaster("/test").toRoom("room", "e", "x"));
        assertEquals(1, server.stats().broadcasts());
      }
      // the session leaves the count of open ones a moment before it leaves its rooms
      Await.until("the session and its room are gone",
          () -> server.stats().openSessions() == 0 && server.stats().rooms() == 0);
    }
  }
}
