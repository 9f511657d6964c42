package io.switchboard.undertow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.undertow.testing.RawWebSocket;
import io.switchboard.undertow.testing.TestEndpoint;
import io.switchboard.undertow.testing.TestServers;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;

/** permessage-deflate (RFC 7692): off by default, one switch to negotiate it. */
class CompressionTest {

  static final Map<String, String> OFFER = Map.of("Sec-WebSocket-Extensions", "permessage-deflate");
  static final byte[] TAIL = {0, 0, (byte) 0xff, (byte) 0xff};

  @Test
  void offIsTheDefault() throws Exception {
    try (SwitchboardServer server = TestServers.builder(new TestEndpoint()).start();
        RawWebSocket raw = RawWebSocket.upgrade(server.port(), "/test", OFFER)) {
      assertEquals(101, raw.status());
      assertFalse(raw.head().toLowerCase().contains("permessage-deflate"), raw.head());
    }
  }

  @Test
  void compressedMessagesRoundTripWhenEnabled() throws Exception {
    try (SwitchboardServer server = TestServers.builder(new TestEndpoint()).compression(true).start();
        RawWebSocket raw = RawWebSocket.upgrade(server.port(), "/test", OFFER)) {
      assertEquals(101, raw.status());
      assertTrue(raw.head().toLowerCase().contains("sec-websocket-extensions: permessage-deflate"), raw.head());
      String name = "Tony ".repeat(100);
      raw.sendRaw(true, 0b100, RawWebSocket.TEXT, deflate("name " + name), true);
      RawWebSocket.Frame reply = raw.read();
      assertEquals(0b100, reply.rsv(), "the reply is compressed too");
      assertEquals("Hi " + name.strip(), inflate(reply.payload()));
    }
  }

  static byte[] deflate(String text) {
    Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    deflater.setInput(text.getBytes(StandardCharsets.UTF_8));
    byte[] buffer = new byte[64 * 1024];
    int length = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
    deflater.end();
    return Arrays.copyOf(buffer, length - TAIL.length); // RFC 7692 7.2.1: drop 00 00 ff ff
  }

  static String inflate(byte[] payload) throws Exception {
    Inflater inflater = new Inflater(true);
    ByteArrayOutputStream input = new ByteArrayOutputStream();
    input.writeBytes(payload);
    input.writeBytes(TAIL);
    inflater.setInput(input.toByteArray());
    byte[] buffer = new byte[64 * 1024];
    int length = inflater.inflate(buffer);
    inflater.end();
    return new String(buffer, 0, length, StandardCharsets.UTF_8);
  }
}
