package com.example.chat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchboard.test.SwitchboardExtension;
import io.switchboard.test.WsTestClient;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** /echo sends every message back unchanged, text and binary alike, commands included. */
class EchoEndpointTest {

  @RegisterExtension
  static final SwitchboardExtension app =
      SwitchboardExtension.of(() -> Main.configure(ChatOptions.parse()));

  private static WsTestClient connect() {
    return app.client("/echo");
  }

  @Test
  void textComesBackUnchangedEvenWhenItLooksLikeACommand() {
    try (WsTestClient client = connect()) {
      for (String text :
          new String[] {
            "hello",
            "  spaced  ",
            "{\"cmd\":\"hello\",\"id\":1}",
            "bye",
            "ünïcødé ✓ 🎉",
            "x".repeat(10_000)
          }) {
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
