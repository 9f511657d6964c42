package io.switchboard.undertow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.undertow.testing.RawWebSocket;
import io.switchboard.undertow.testing.TestEndpoint;
import io.switchboard.undertow.testing.TestServers;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * RFC 6455 section 4.2: an upgrade in a version the server does not speak gets 426 naming 13,
 * one without a key gets 400; neither is taken for a plain GET.
 */
class HandshakeValidationTest {

  static SwitchboardServer server;

  @BeforeAll
  static void start() {
    server = TestServers.builder(new TestEndpoint()).start();
  }

  @AfterAll
  static void stop() {
    server.stop(Duration.ofSeconds(2));
  }

  @Test
  void anotherVersionGets426NamingTheVersionSpoken() throws Exception {
    try (RawWebSocket raw = RawWebSocket.upgrade(server.port(), "/test", Map.of("Sec-WebSocket-Version", "8"))) {
      assertEquals(StatusCodes.HTTP_UPGRADE_REQUIRED, raw.status());
      assertTrue(raw.head().contains("Sec-WebSocket-Version: 13\r\n"), raw.head());
      assertEquals(StatusCodes.UNSUPPORTED_VERSION, raw.body());
    }
  }

  @Test
  void anEmptyKeyGets400() throws Exception {
    try (RawWebSocket raw = RawWebSocket.upgrade(server.port(), "/test", Map.of("Sec-WebSocket-Key", ""))) {
      assertEquals(StatusCodes.HTTP_BAD_REQUEST, raw.status(), raw.head());
      assertEquals(StatusCodes.MISSING_KEY, raw.body());
    }
  }

  @Test
  void aWellFormedUpgradeStillSucceeds() throws Exception {
    try (RawWebSocket raw = RawWebSocket.upgrade(server.port(), "/test")) {
      assertEquals(101, raw.status());
    }
  }
}
