package io.switchboard.undertow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.undertow.handshake.HandshakeRejection;
import io.switchboard.undertow.testing.RawWebSocket;
import io.switchboard.undertow.testing.TestDispatcher;
import io.switchboard.undertow.testing.TestEndpoint;
import io.switchboard.undertow.testing.TestServers;
import io.switchboard.undertow.testing.WsClient;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The handshake hook (reject 401/403, attach principal and attributes) and subprotocols. */
class HandshakeHookTest {

  static final java.util.concurrent.atomic.AtomicReference<String> hookThread =
      new java.util.concurrent.atomic.AtomicReference<>();

  static SwitchboardServer serverWithHook() {
    return hooked(TestServers.builder(new TestEndpoint())).start();
  }

  static ServerBuilder hooked(ServerBuilder builder) {
    return builder
        .handshakeHook(
            request -> {
              hookThread.set(Thread.currentThread().getName());
              String token =
                  request.queryParam("token")
                      .orElseThrow(() -> HandshakeRejection.unauthorized("token required"));
              if (!token.equals("s3cret")) {
                throw HandshakeRejection.forbidden("unknown token");
              }
              request.principal(() -> request.header("X-User").orElse("nobody"));
              request.attribute("role", request.cookie("role").orElse("guest"));
            });
  }

  @Test
  void hookRejectsWith401Or403AndAReason() throws Exception {
    try (SwitchboardServer server = serverWithHook()) {
      try (RawWebSocket raw = RawWebSocket.upgrade(server.port(), "/test")) {
        assertEquals(401, raw.status());
        assertEquals("token required", raw.body());
      }
      try (RawWebSocket raw = RawWebSocket.upgrade(server.port(), "/test?token=guess")) {
        assertEquals(403, raw.status());
        assertEquals("unknown token", raw.body());
      }
    }
  }

  @Test
  void aBrowserIsRefusedWithACloseCodeItCanSee() throws Exception {
    try (SwitchboardServer server = serverWithHook()) {
      Map<String, String> browser = Map.of("Origin", "http://127.0.0.1:" + server.port());
      try (RawWebSocket raw = RawWebSocket.upgrade(server.port(), "/test", browser)) {
        assertEquals(101, raw.status());
        RawWebSocket.Frame close = raw.readUntilClose();
        assertEquals(4401, close.closeCode());
        assertEquals("token required", close.closeReason());
      }
      try (RawWebSocket raw = RawWebSocket.upgrade(server.port(), "/test?token=guess", browser)) {
        assertEquals(101, raw.status());
        RawWebSocket.Frame close = raw.readUntilClose();
        assertEquals(4403, close.closeCode());
        assertEquals("unknown token", close.closeReason());
      }
      assertEquals(0, server.stats().openSessions(), "a refused upgrade is no session");
    }
  }

  @Test
  void aBrowserGetsTheHttpStatusWhenRefusalCloseCodesAreOff() throws Exception {
    try (SwitchboardServer server = hooked(TestServers.builder(new TestEndpoint())).refusalCloseCodes(false).start();
        RawWebSocket raw =
            RawWebSocket.upgrade(server.port(), "/test", Map.of("Origin", "http://127.0.0.1:" + server.port()))) {
      assertEquals(401, raw.status());
      assertEquals("token required", raw.body());
    }
  }

  @Test
  void hookAttachesPrincipalAndAttributesFromHeadersQueryAndCookies() throws Exception {
    try (SwitchboardServer server = serverWithHook();
        WsClient c =
            WsClient.connect(
                URI.create("ws://127.0.0.1:" + server.port() + "/test?token=s3cret"),
                Map.of("X-User", "alice", "Cookie", "theme=dark; role=admin"))) {
      c.send("whoami");
      assertEquals("alice admin -", c.next());
      assertTrue(hookThread.get().startsWith("switchboard-handler-"), "the hook may block: " + hookThread.get());
    }
  }

  @Test
  void firstOfferedSubprotocolTheEndpointSpeaksIsChosen() throws Exception {
    TestDispatcher dispatcher = new TestDispatcher("/test", List.of("v2.chat", "v1.chat"), true, 0);
    try (SwitchboardServer server = TestServers.builder(dispatcher, new TestEndpoint()).start()) {
      URI uri = URI.create("ws://127.0.0.1:" + server.port() + "/test");
      try (WsClient c = WsClient.connect(uri, Map.of(), "v0.chat", "v1.chat", "v2.chat")) {
        assertEquals("v1.chat", c.socket().getSubprotocol());
        c.send("whoami");
        assertEquals("anonymous none v1.chat", c.next());
      }
      try (WsClient c = WsClient.connect(uri, Map.of())) {
        c.send("whoami");
        assertEquals("anonymous none -", c.next());
      }
      try (RawWebSocket raw =
          RawWebSocket.upgrade(server.port(), "/test", Map.of("Sec-WebSocket-Protocol", "mqtt, stomp"))) {
        assertEquals(StatusCodes.HTTP_BAD_REQUEST, raw.status());
        assertEquals(StatusCodes.UNSUPPORTED_SUBPROTOCOL, raw.body());
      }
    }
  }
}
