package io.switchboard.undertow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.undertow.testing.RawWebSocket;
import io.switchboard.undertow.testing.TestEndpoint;
import io.switchboard.undertow.testing.TestServers;
import io.switchboard.undertow.testing.WsClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The upgrade request itself, before any WebSocket exists: too slow (slow loris), or refused,
 * spoken over raw sockets; each is dropped while everyone else is served. Too large: {@link
 * RequestHeadSizeTest}.
 */
class UpgradeRequestLimitsTest {

  private static final String PARTIAL_HEAD = "GET /test HTTP/1.1\r\nHost: x\r\n";

  @Test
  void slowLorisConnectionsAreDroppedAfterTheHandshakeTimeout() throws Exception {
    ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
    try (SwitchboardServer server =
            TestServers.builder(new TestEndpoint()).handshakeTimeout(Duration.ofMillis(500)).start();
        WsClient bystander = WsClient.connect(server.port(), "/test")) {
      List<Socket> loris = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        Socket socket = new Socket("127.0.0.1", server.port());
        socket.setSoTimeout(10_000);
        socket.getOutputStream().write(PARTIAL_HEAD.getBytes(StandardCharsets.US_ASCII));
        loris.add(socket);
      }
      // One header byte per socket every 100 ms, as the attack does: the head never ends, and
      // bytes that keep coming do not restart the clock.
      trickle.scheduleAtFixedRate(() -> loris.forEach(UpgradeRequestLimitsTest::sendByte), 100, 100,
          TimeUnit.MILLISECONDS);

      long start = System.nanoTime();
      for (Socket socket : loris) {
        assertTrue(closedByServer(socket), "a slow request head was still open");
      }
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertTrue(millis < 5_000, "dropped after " + millis + " ms, not about 500 ms");

      bystander.send("hello");
      assertEquals("Hello, human", bystander.next());
    } finally {
      trickle.shutdownNow();
    }
  }

  @Test
  void aConnectionThatSendsNothingIsDroppedAfterTheHandshakeTimeout() throws Exception {
    try (SwitchboardServer server =
            TestServers.builder(new TestEndpoint()).handshakeTimeout(Duration.ofMillis(300)).start();
        Socket silent = new Socket("127.0.0.1", server.port())) {
      silent.setSoTimeout(10_000);
      assertTrue(closedByServer(silent));
    }
  }

  @Test
  void anUpgradedSessionOutlivesTheHandshakeTimeout() throws Exception {
    try (SwitchboardServer server =
            TestServers.builder(new TestEndpoint())
                .handshakeTimeout(Duration.ofMillis(200))
                .pingInterval(Duration.ZERO)
                .start();
        WsClient client = WsClient.connect(server.port(), "/test")) {
      // Not a wait for an event: time must pass, silent, well beyond the handshake timeout.
      Thread.sleep(800);
      client.send("hello");
      assertEquals("Hello, human", client.next());
    }
  }

  @Test
  void aRefusedUpgradeClosesTheConnection() throws Exception {
    try (SwitchboardServer server = TestServers.builder(new TestEndpoint()).start();
        RawWebSocket refused = RawWebSocket.upgrade(server.port(), "/test", Map.of("Origin", "https://evil.example"))) {
      assertEquals(403, refused.status());
      assertTrue(refused.head().toLowerCase().contains("connection: close"), refused.head());
      assertTrue(refused.atEndOfStream(), "keep-alive after a refused upgrade");
    }
  }

  @Test
  void aPlainGetOnAnEndpointPathClosesTheConnection() throws Exception {
    try (SwitchboardServer server = TestServers.builder(new TestEndpoint()).start();
        Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write((PARTIAL_HEAD + "\r\n").getBytes(StandardCharsets.US_ASCII));
      String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
      assertTrue(response.startsWith("HTTP/1.1 426 "), response);
    }
  }

  /** Reads until the server ends the connection (end of stream or reset), discarding any answer. */
  private static boolean closedByServer(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    byte[] buffer = new byte[8192];
    try {
      while (in.read(buffer) >= 0) {
        // an answer may come first
      }
      return true;
    } catch (SocketException reset) {
      return true;
    }
  }

  private static void sendByte(Socket socket) {
    try {
      socket.getOutputStream().write('a');
    } catch (IOException e) {
      // closed by the server: what the test waits for
    }
  }
}
