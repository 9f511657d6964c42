package io.switchboard.undertow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.undertow.testing.PerMessageDeflate;
import io.switchboard.undertow.testing.RawWebSocket;
import io.switchboard.undertow.testing.TestEndpoint;
import io.switchboard.undertow.testing.TestServers;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** permessage-deflate (RFC 7692): off by default, one switch to negotiate it. */
class CompressionTest {

  static final Map<String, String> OFFER = Map.of("Sec-WebSocket-Extensions", "permessage-deflate");

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
      PerMessageDeflate deflate = new PerMessageDeflate();
      raw.sendRaw(true, 0b100, RawWebSocket.TEXT, deflate.compress(("name " + name).getBytes(StandardCharsets.UTF_8)), true);
      RawWebSocket.Frame reply = raw.read();
      assertEquals(0b100, reply.rsv(), "the reply is compressed too");
      assertEquals("Hi " + name.strip(), new String(deflate.decompress(reply.payload()), StandardCharsets.UTF_8));
    }
  }
}
