package com.example.chat.conformance;

import static com.example.chat.conformance.WireClient.TEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchboard.CloseReason;
import io.switchboard.undertow.SwitchboardServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * RFC 6455 section 7.1.1: after failing a connection the server closes the TCP connection itself,
 * even when the client never answers its close frame (Autobahn's fuzzer just stops talking). The
 * close timeout is shortened from outside so the wait stays short.
 */
class CloseTimeoutConformanceTest extends ConformanceTestBase {

  static SwitchboardServer server;

  @BeforeAll
  static void start() {
    server = SampleServer.startWith("switchboard.close-timeout", "300ms");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Override
  int port() {
    return server.port();
  }

  @Test
  void aClientThatNeverAnswersTheCloseIsDisconnected() throws Exception {
    try (WireClient client = open()) {
      client.sendUnmasked(TEXT, WireClient.utf8("Hello, world!"));
      WireClient.Frame close = client.expect(WireClient.CLOSE);
      assertEquals(CloseReason.PROTOCOL_ERROR, close.closeCode());
      client.expectEndOfStream(); // without answering: the server drops the connection
    }
  }
}
