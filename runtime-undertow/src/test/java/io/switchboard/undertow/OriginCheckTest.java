package io.switchboard.undertow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.undertow.testing.RawWebSocket;
import io.switchboard.undertow.testing.TestEndpoint;
import io.switchboard.undertow.testing.TestServers;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The allowed-origins check before the upgrade: same origin and no Origin pass, others get 403. */
class OriginCheckTest {

  int upgradeStatus(SwitchboardServer server, Map<String, String> headers) throws Exception {
    try (RawWebSocket raw = RawWebSocket.upgrade(server.port(), "/test", headers)) {
      if (raw.status() == StatusCodes.HTTP_FORBIDDEN) {
        assertTrue(raw.body().startsWith(StatusCodes.ORIGIN_NOT_ALLOWED), raw.body());
      }
      return raw.status();
    }
  }

  @Test
  void byDefaultOnlyTheServersOwnOriginAndNoOriginAreAllowed() throws Exception {
    try (SwitchboardServer server = TestServers.builder(new TestEndpoint()).start()) {
      int port = server.port();
      assertEquals(101, upgradeStatus(server, Map.of()));
      assertEquals(101, upgradeStatus(server, Map.of("Origin", "http://127.0.0.1:" + port)));
      assertEquals(101, upgradeStatus(server, Map.of("Host", "chat.example:" + port, "Origin", "https://CHAT.example:" + port)));
      assertEquals(101, upgradeStatus(server, Map.of("Host", "chat.example", "Origin", "https://chat.example")));
      assertEquals(403, upgradeStatus(server, Map.of("Origin", "http://evil.example")));
      assertEquals(403, upgradeStatus(server, Map.of("Origin", "http://127.0.0.1:" + (port + 1))));
      assertEquals(403, upgradeStatus(server, Map.of("Origin", "null")));
      assertEquals(3, server.stats().rejectedHandshakes());
    }
  }

  @Test
  void configuredOriginsAreAllowedToo() throws Exception {
    try (SwitchboardServer server =
        TestServers.builder(new TestEndpoint()).allowedOrigins("https://app.example").start()) {
      assertEquals(101, upgradeStatus(server, Map.of("Origin", "https://app.example")));
      assertEquals(101, upgradeStatus(server, Map.of("Origin", "https://app.example:443")));
      assertEquals(403, upgradeStatus(server, Map.of("Origin", "http://app.example")));
      assertEquals(101, upgradeStatus(server, Map.of("Origin", "http://127.0.0.1:" + server.port())));
    }
  }

  @Test
  void originNullIsAllowedOnlyWhenListed() throws Exception {
    try (SwitchboardServer server =
        TestServers.builder(new TestEndpoint()).allowedOrigins("null", "https://app.example").start()) {
      assertEquals(101, upgradeStatus(server, Map.of("Origin", "null")));
      assertEquals(101, upgradeStatus(server, Map.of("Origin", "https://app.example")));
      assertEquals(403, upgradeStatus(server, Map.of("Origin", "https://evil.example")));
    }
  }

  @Test
  void starAllowsAnyOrigin() throws Exception {
    try (SwitchboardServer server = TestServers.builder(new TestEndpoint()).allowedOrigins("*").start()) {
      assertEquals(101, upgradeStatus(server, Map.of("Origin", "http://evil.example")));
    }
  }

  @Test
  void allowedOriginsComeFromTheEnvironmentKeyToo() {
    ServerConfig config =
        new ServerBuilder(
                new Settings(Map.of(), Map.of("SWITCHBOARD_ALLOWED_ORIGINS", "https://a.example, https://b.example")))
            .config();
    assertEquals(java.util.List.of("https://a.example", "https://b.example"), config.allowedOrigins());
  }

}
