package com.example.chat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchboard.test.WsTestClient;
import io.switchboard.undertow.SwitchboardServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** /echo sends every message back unchanged, text and binary alike, commands included. */
class EchoEndpointTest {

  private static SwitchboardServer server;

  @BeforeAll
  static void startServer() {
    server = Main.start(ChatOptions.parse("--port", "0", "--host", "127.0.0.1"));
  }

  @AfterAll
  static void stopServer() {
    server.stop(Duration.ofSeconds(2));
  }

  private static WsTestClient connect() {
    return WsTestClient.connect(URI.create("ws://127.0.0.1:" + server.port() + "/echo"));
  }

  @Test
  void textComesBackUnchangedEvenWhenItLooksLikeACommand() {
    try (WsTestClient client = connect()) {
      for (String text : new String[] {"hello", "  spaced  ", "{\"cmd\":\"hello\",\"id\":1}", "bye", "ünïcødé ✓ 🎉", "x".repeat(10_000)}) {
        assertEquals(text, client.callText(text));
      }
    }
  }

  @Test
  void binaryComesBackUnchanged() {
    try (WsTestClient client = connect()) {
      byte[] data = new byte[4096];
      for (int i = 0; i < data.length; i++) {
        data[i] = (byte) i;
      }
      client.sendBinary(data);
      assertArrayEquals(data, client.awaitBinary());
      byte[] utf8 = "not text".getBytes(StandardCharsets.UTF_8);
      client.sendBinary(utf8);
      assertArrayEquals(utf8, client.awaitBinary());
    }
  }
}
