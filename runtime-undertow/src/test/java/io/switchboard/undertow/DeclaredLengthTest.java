package io.switchboard.undertow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.CloseReason;
import io.switchboard.undertow.testing.RawWebSocket;
import io.switchboard.undertow.testing.TestEndpoint;
import io.switchboard.undertow.testing.TestServers;
import io.switchboard.undertow.testing.WsClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A frame header whose declared length, alone or added to the message so far, passes
 * max-message-size closes the session with 1009 at once: the payload is never sent here, so a
 * server that waited for it would time these tests out.
 */
class DeclaredLengthTest {

  static SwitchboardServer server;

  @BeforeAll
  static void start() {
    // A short close timeout: a client that declared 2^63-1 bytes cannot answer the close frame
    // (whatever it sends is the payload it declared), so it is dropped after this.
    server = TestServers.builder(new TestEndpoint()).maxMessageSize(1024).closeTimeout(Duration.ofMillis(500)).start();
  }

  @AfterAll
  static void stop() {
    server.stop(Duration.ofSeconds(2));
  }

  @Test
  void aFrameDeclaring2To63Minus1BytesIsRefusedFromItsHeader() throws Exception {
    assertClosedWith1009(header(true, RawWebSocket.TEXT, Long.MAX_VALUE));
  }

  @Test
  void aBinaryFrameDeclaringMoreThanTheLimitIsRefusedFromItsHeader() throws Exception {
    assertClosedWith1009(header(true, RawWebSocket.BINARY, 1025));
  }

  @Test
  void aContinuationWhoseLengthAddsUpPastTheLimitIsRefusedFromItsHeader() throws Exception {
    try (RawWebSocket raw = RawWebSocket.upgrade(server.port(), "/test")) {
      raw.sendRaw(false, 0, RawWebSocket.TEXT, ("name " + "x".repeat(995)).getBytes(), true); // 1000
      raw.socket().getOutputStream().write(header(true, 0, 100)); // 1100 declared in all
      RawWebSocket.Frame close = raw.readUntilClose();
      assertEquals(CloseReason.MESSAGE_TOO_BIG, close.closeCode());
      assertTrue(raw.atEndOfStream(), "the connection stays open after the 1009");
    }
    stillServes();
  }

  @Test
  void anEmptyMessageIsServed() throws Exception {
    try (RawWebSocket raw = RawWebSocket.upgrade(server.port(), "/test")) {
      raw.sendRaw(true, 0, RawWebSocket.TEXT, new byte[0], true);
      raw.sendText("hello");
      RawWebSocket.Frame first = raw.read(); // the reply to the empty message, if it gets one
      assertEquals(RawWebSocket.TEXT, first.opcode(), "not closed: " + first.closeReason());
      assertEquals("Hello, human", first.text().equals("Hello, human") ? first.text() : raw.read().text());
    }
  }

  @Test
  void aClientThatSendsTheWholeTooLongMessageReadsThe1009() throws Exception {
    try (RawWebSocket raw = RawWebSocket.upgrade(server.port(), "/test")) {
      raw.sendRaw(true, 0, RawWebSocket.BINARY, new byte[1025], true); // no broken pipe midway
      assertEquals(CloseReason.MESSAGE_TOO_BIG, raw.readUntilClose().closeCode());
    }
  }

  @Test
  void aMessageOfExactlyTheLimitInTwoFramesIsServed() throws Exception {
    try (RawWebSocket raw = RawWebSocket.upgrade(server.port(), "/test")) {
      raw.sendRaw(false, 0, RawWebSocket.TEXT, ("name " + "x".repeat(595)).getBytes(), true);
      raw.sendRaw(true, 0, 0, "y".repeat(424).getBytes(), true); // 1024 in all
      assertEquals("Hi " + "x".repeat(595) + "y".repeat(424), raw.read().text());
    }
  }

  private static void assertClosedWith1009(byte[] header) throws Exception {
    try (RawWebSocket raw = RawWebSocket.upgrade(server.port(), "/test")) {
      raw.socket().getOutputStream().write(header);
      RawWebSocket.Frame close = raw.readUntilClose();
      assertEquals(CloseReason.MESSAGE_TOO_BIG, close.closeCode());
      assertTrue(close.closeReason().contains("1024"), close.closeReason());
      assertTrue(raw.atEndOfStream(), "the connection stays open after the 1009");
    }
    stillServes();
  }

  private static void stillServes() throws Exception {
    try (WsClient other = WsClient.connect(server.port(), "/test")) {
      other.send("hello");
      assertEquals("Hello, human", other.next());
    }
  }

  /** A masked frame header declaring {@code length} bytes of payload, none of which follow. */
  private static byte[] header(boolean fin, int opcode, long length) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write((fin ? 0x80 : 0) | opcode);
    if (length < 126) {
      out.write(0x80 | (int) length);
    } else if (length < 65536) {
      out.write(0x80 | 126);
      out.write(ByteBuffer.allocate(2).putShort((short) length).array());
    } else {
      out.write(0x80 | 127);
      out.write(ByteBuffer.allocate(8).putLong(length).array());
    }
    out.write(new byte[] {1, 2, 3, 4}); // the mask
    return out.toByteArray();
  }
}
