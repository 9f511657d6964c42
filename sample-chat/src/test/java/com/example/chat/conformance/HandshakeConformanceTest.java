package com.example.chat.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 6455 section 4.2: upgrade requests the sample's {@code /echo} must refuse, and how. */
class HandshakeConformanceTest extends AsShippedConformanceTest {

  WireClient.HttpResponse upgrade(String... headers) throws Exception {
    StringBuilder request =
        new StringBuilder("GET /echo HTTP/1.1\r\nHost: 127.0.0.1:" + port() + "\r\n");
    for (String header : headers) {
      request.append(header).append("\r\n");
    }
    try (WireClient client = WireClient.exchange(port(), request.append("\r\n").toString())) {
      return client.response();
    }
  }

  @Test
  void aWellFormedUpgradeIsAccepted() throws Exception {
    try (WireClient client = WireClient.connect(port(), "/echo")) {
      assertEquals("websocket", client.response().header("Upgrade").toLowerCase());
    }
  }

  /** Header names and tokens are case-insensitive, and browsers send more than one token. */
  @Test
  void anUpgradeAsBrowsersWriteItIsAccepted() throws Exception {
    try (WireClient client =
        WireClient.exchange(
            port(),
            "GET /echo HTTP/1.1\r\nhost: 127.0.0.1:" + port() + "\r\n"
                + "upgrade: WebSocket\r\nconnection: keep-alive, Upgrade\r\n"
                + "sec-websocket-key: dGhlIHNhbXBsZSBub25jZQ==\r\nsec-websocket-version: 13\r\n"
                + "Origin: http://127.0.0.1:" + port() + "\r\n\r\n")) {
      assertEquals(101, client.response().status(), client.response().head());
      assertEquals(
          WireClient.acceptFor("dGhlIHNhbXBsZSBub25jZQ=="),
          client.response().header("Sec-WebSocket-Accept"));
    }
  }

  /** Section 4.4: an unsupported version gets 426 naming the version the server speaks. */
  @ParameterizedTest(name = "version {0}")
  @ValueSource(strings = {"8", "12", "14", "nope"})
  void anUnsupportedVersionIsRefusedWith426Naming13(String version) throws Exception {
    WireClient.HttpResponse response =
        upgrade(
            "Upgrade: websocket",
            "Connection: Upgrade",
            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
            "Sec-WebSocket-Version: " + version);
    assertEquals(426, response.status(), response.head());
    assertEquals("13", response.header("Sec-WebSocket-Version"), response.head());
  }

  @Test
  void aMissingVersionIsRefusedWith426Naming13() throws Exception {
    WireClient.HttpResponse response =
        upgrade("Upgrade: websocket", "Connection: Upgrade", "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==");
    assertEquals(426, response.status(), response.head());
    assertEquals("13", response.header("Sec-WebSocket-Version"), response.head());
  }

  @Test
  void aMissingKeyIsABadRequest() throws Exception {
    WireClient.HttpResponse response =
        upgrade("Upgrade: websocket", "Connection: Upgrade", "Sec-WebSocket-Version: 13");
    assertEquals(400, response.status(), response.head());
  }

  @Test
  void aPlainGetIsToldToUpgrade() throws Exception {
    WireClient.HttpResponse response = upgrade();
    assertEquals(426, response.status(), response.head());
  }
}
