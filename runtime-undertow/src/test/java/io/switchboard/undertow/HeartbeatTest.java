package io.switchboard.undertow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.CloseReason;
import io.switchboard.undertow.testing.RawWebSocket;
import io.switchboard.undertow.testing.TestEndpoint;
import io.switchboard.undertow.testing.TestServers;
import io.switchboard.undertow.testing.WsClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Server pings, the pong timeout, the idle timeout, and client pings and pongs. */
class HeartbeatTest {

  @Test
  void clientThatStopsAnsweringPingsIsClosed() throws Exception {
    TestEndpoint endpoint = new TestEndpoint();
    try (SwitchboardServer server =
            TestServers.builder(endpoint)
                .pingInterval(Duration.ofMillis(200))
                .pongTimeout(Duration.ofMillis(300))
                .start();
        RawWebSocket raw = RawWebSocket.upgrade(server.port(), "/test")) {
      assertEquals(101, raw.status());
      RawWebSocket.Frame ping = raw.read();
      assertEquals(RawWebSocket.PING, ping.opcode()); // and it is never answered
      RawWebSocket.Frame close = raw.readUntilClose();
      assertEquals(StatusCodes.HEARTBEAT_TIMEOUT.code(), close.closeCode());
      assertEquals(StatusCodes.HEARTBEAT_TIMEOUT.reason(), close.closeReason());
      assertTrue(raw.atEndOfStream(), "the connection is dropped, not left to linger");
      CloseReason reported = endpoint.closed.poll(10, TimeUnit.SECONDS);
      assertEquals(StatusCodes.HEARTBEAT_TIMEOUT, reported);
    }
  }

  @Test
  void clientThatAnswersPingsStaysConnected() throws Exception {
    try (SwitchboardServer server =
            TestServers.builder(new TestEndpoint())
                .pingInterval(Duration.ofMillis(100))
                .pongTimeout(Duration.ofSeconds(5)) // generous: a loaded machine is no dead peer
                .start();
        RawWebSocket raw = RawWebSocket.upgrade(server.port(), "/test")) {
      for (int pings = 0; pings < 5; ) {
        RawWebSocket.Frame frame = raw.read();
        assertEquals(RawWebSocket.PING, frame.opcode());
        raw.send(RawWebSocket.PONG, frame.payload());
        pings++;
      }
      raw.sendText("hello");
      RawWebSocket.Frame reply = raw.read();
      while (reply.opcode() == RawWebSocket.PING) {
        raw.send(RawWebSocket.PONG, reply.payload());
        reply = raw.read();
      }
      assertEquals("Hello, human", reply.text());
    }
  }

  @Test
  void clientPingsAreAnsweredAndUnsolicitedPongsIgnored() throws Exception {
    try (SwitchboardServer server = TestServers.builder(new TestEndpoint()).start();
        RawWebSocket raw = RawWebSocket.upgrade(server.port(), "/test")) {
      raw.send(RawWebSocket.PING, "abc".getBytes(StandardCharsets.UTF_8));
      RawWebSocket.Frame pong = raw.read();
      assertEquals(RawWebSocket.PONG, pong.opcode());
      assertArrayEquals("abc".getBytes(StandardCharsets.UTF_8), pong.payload());
      raw.send(RawWebSocket.PONG, "unasked".getBytes(StandardCharsets.UTF_8));
      raw.sendText("hello");
      assertEquals("Hello, human", raw.read().text());
    }
  }

  @Test
  void idleSessionIsClosedAfterIdleTimeout() throws Exception {
    try (SwitchboardServer server =
            TestServers.builder(new TestEndpoint()).idleTimeout(Duration.ofSeconds(1)).start();
        WsClient c = WsClient.connect(server.port(), "/test")) {
      c.send("hello");
      assertEquals("Hello, human", c.next());
      WsClient.Closed closed = c.awaitClose();
      assertEquals(StatusCodes.IDLE_TIMEOUT.code(), closed.code());
      assertEquals(StatusCodes.IDLE_TIMEOUT.reason(), closed.reason());
    }
  }
}
