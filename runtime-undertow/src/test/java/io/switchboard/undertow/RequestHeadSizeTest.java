package io.switchboard.undertow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.undertow.testing.SelfSignedCertificate;
import io.switchboard.undertow.testing.TestEndpoint;
import io.switchboard.undertow.testing.TestServers;
import io.switchboard.undertow.testing.WsClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code max-header-size} over raw sockets: the whole request head is counted, in plaintext
 * (after TLS too), for each request on a connection; over the limit comes 431 (414 while still in
 * the request line) and the end of the connection, before the rest is read.
 */
class RequestHeadSizeTest {

  private static final int LIMIT = 4096;

  @TempDir static Path dir;

  @Test
  void aHeadOverTheDefault8KiBGets431AndTheConnectionIsClosed() throws Exception {
    try (SwitchboardServer server = TestServers.builder(new TestEndpoint()).start();
        Socket socket = plain(server)) {
      String response = exchangeUntilClosed(socket, upgradeHead(server.port(), 8 * 1024 + 1));
      assertTrue(response.startsWith("HTTP/1.1 431 Request Header Fields Too Large\r\n"), response);
      assertTrue(response.contains("\r\nConnection: close\r\n"), response);
      assertTrue(response.endsWith("\r\n\r\nrequest head over 8192 bytes"), response);
    }
  }

  @Test
  void aHeadOfExactlyTheConfiguredLimitIsUpgradedAndOneByteMoreIsNot() throws Exception {
    try (SwitchboardServer server = TestServers.builder(new TestEndpoint()).maxHeaderSize(LIMIT).start()) {
      try (Socket socket = plain(server)) {
        assertEquals("HTTP/1.1 101 Switching Protocols", statusLine(socket, upgradeHead(server.port(), LIMIT)));
      }
      try (Socket socket = plain(server)) {
        String response = exchangeUntilClosed(socket, upgradeHead(server.port(), LIMIT + 1));
        assertTrue(response.startsWith("HTTP/1.1 431 "), response);
        assertTrue(response.endsWith("request head over " + LIMIT + " bytes"), response);
      }
    }
  }

  @Test
  void aRequestLineOverTheLimitGets414AndTheConnectionIsClosed() throws Exception {
    try (SwitchboardServer server = TestServers.builder(new TestEndpoint()).maxHeaderSize(LIMIT).start();
        Socket socket = plain(server)) {
      String head = "GET /test?q=" + "q".repeat(LIMIT) + " HTTP/1.1\r\nHost: x\r\n\r\n";
      String response = exchangeUntilClosed(socket, head);
      assertTrue(response.startsWith("HTTP/1.1 414 URI Too Long\r\n"), response);
      assertTrue(response.endsWith("request line over " + LIMIT + " bytes"), response);
    }
  }

  @Test
  void overTlsTheDecryptedHeadIsCountedTheSameWay() throws Exception {
    SelfSignedCertificate certificate = SelfSignedCertificate.create(dir);
    try (SwitchboardServer server =
        TestServers.builder(new TestEndpoint())
            .maxHeaderSize(LIMIT)
            .tlsKeystore(certificate.keystore(), SelfSignedCertificate.PASSWORD)
            .start()) {
      try (Socket socket = tls(certificate, server)) {
        assertEquals("HTTP/1.1 101 Switching Protocols", statusLine(socket, upgradeHead(server.port(), LIMIT)));
      }
      try (Socket socket = tls(certificate, server)) {
        String response = exchangeUntilClosed(socket, upgradeHead(server.port(), LIMIT + 1));
        assertTrue(response.startsWith("HTTP/1.1 431 "), response);
      }
      try (Socket socket = tls(certificate, server)) {
        String response = exchangeUntilClosed(socket, "GET /" + "q".repeat(LIMIT) + " HTTP/1.1\r\n\r\n");
        assertTrue(response.startsWith("HTTP/1.1 414 "), response);
      }
    }
  }

  @Test
  void aHugeHeaderLineIsRefusedBeforeTheClientCouldSendItAll() throws Exception {
    try (SwitchboardServer server = TestServers.builder(new TestEndpoint()).start();
        Socket socket = new Socket();
        WsClient bystander = WsClient.connect(server.port(), "/test")) {
      socket.setSendBufferSize(16 * 1024); // the megabyte cannot hide in the client's own buffer
      socket.connect(new InetSocketAddress("127.0.0.1", server.port()));
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write("GET /test HTTP/1.1\r\nHost: x\r\nX-Huge: ".getBytes(StandardCharsets.US_ASCII));
      int megabyte = 1024 * 1024;
      AtomicLong written = new AtomicLong();
      Thread writer = new Thread(() -> {
        byte[] chunk = "h".repeat(16 * 1024).getBytes(StandardCharsets.US_ASCII);
        try {
          while (written.get() < megabyte) {
            out.write(chunk);
            written.addAndGet(chunk.length);
          }
        } catch (IOException e) {
          // expected: the server closed the connection long before the megabyte
        }
      });
      writer.start();
      String response = readUntilClosed(socket.getInputStream());
      // The 431 arrives, or a reset ahead of it: the server closed with the client still writing.
      assertTrue(response.isEmpty() || response.startsWith("HTTP/1.1 431 "), response);
      writer.join(10_000);
      assertTrue(written.get() < megabyte, "the server read the whole megabyte: " + written.get());

      bystander.send("hello");
      assertEquals("Hello, human", bystander.next());
    }
  }

  @Test
  void eachRequestOnAKeptAliveConnectionIsCountedOnItsOwn() throws Exception {
    try (SwitchboardServer server =
            TestServers.builder(new TestEndpoint()).maxHeaderSize(LIMIT).healthPath("/health").start();
        Socket socket = plain(server)) {
      String padding = "X-Padding: " + "p".repeat(LIMIT / 2) + "\r\n";
      String live = "GET /health/live HTTP/1.1\r\nHost: x\r\n" + padding + "\r\n";
      // Two heads of about half the limit each: together over it, each alone under it.
      assertEquals("HTTP/1.1 200 OK", statusLine(socket, live));
      assertEquals("HTTP/1.1 200 OK", statusLine(socket, live));
      String over = "GET /health/live HTTP/1.1\r\nHost: x\r\n" + padding + padding + "\r\n";
      assertTrue(exchangeUntilClosed(socket, over).startsWith("HTTP/1.1 431 "));
    }
  }

  @Test
  void theFramesOfAnUpgradedSessionAreNotCountedAsAHead() throws Exception {
    try (SwitchboardServer server = TestServers.builder(new TestEndpoint()).maxHeaderSize(LIMIT).start();
        WsClient client = WsClient.connect(server.port(), "/test")) {
      String line = "{\"cmd\":\"hello\",\"data\":\"" + "d".repeat(1000) + "\"}";
      for (int i = 0; i < 10; i++) { // 10 KB of frames through a 4 KiB head limit
        client.send(line);
        assertTrue(client.next().contains("Hello, human"));
      }
    }
  }

  /** An upgrade request for /test of exactly {@code bytes} bytes, padded with one header. */
  static String upgradeHead(int port, int bytes) {
    String start = "GET /test HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
        + "Connection: Upgrade\r\nSec-WebSocket-Key: AAAAAAAAAAAAAAAAAAAAAA==\r\n"
        + "Sec-WebSocket-Version: 13\r\nX-Padding: ";
    String end = "\r\n\r\n";
    return start + "p".repeat(bytes - start.length() - end.length()) + end;
  }

  private static Socket plain(SwitchboardServer server) throws IOException {
    Socket socket = new Socket("127.0.0.1", server.port());
    socket.setSoTimeout(10_000);
    return socket;
  }

  private static Socket tls(SelfSignedCertificate certificate, SwitchboardServer server) throws IOException {
    Socket socket = certificate.clientContext().getSocketFactory().createSocket("localhost", server.port());
    socket.setSoTimeout(10_000);
    return socket;
  }

  /** Sends {@code head}, reads the response head and body (by Content-Length), returns its status line. */
  private static String statusLine(Socket socket, String head) throws IOException {
    socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream response = new ByteArrayOutputStream();
    while (!response.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed in the response head: " + response);
      }
      response.write(b);
    }
    String text = response.toString(StandardCharsets.ISO_8859_1);
    for (String line : text.split("\r\n")) {
      if (line.toLowerCase().startsWith("content-length:")) {
        in.readNBytes(Integer.parseInt(line.substring(15).strip()));
      }
    }
    return text.substring(0, text.indexOf("\r\n"));
  }

  /** Sends {@code head} and returns all the server sends until it closes the connection. */
  private static String exchangeUntilClosed(Socket socket, String head) throws IOException {
    socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().flush();
    return readUntilClosed(socket.getInputStream());
  }

  /** What arrives before the end of stream; a reset ends it too, keeping what came first. */
  private static String readUntilClosed(InputStream in) throws IOException {
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        received.write(buffer, 0, n);
      }
    } catch (SocketException reset) {
      // the connection ended
    }
    return received.toString(StandardCharsets.ISO_8859_1);
  }
}
