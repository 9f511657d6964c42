package com.example.chat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchboard.test.SwitchboardExtension;
import io.switchboard.test.WsTestClient;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
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
  void emptyMessagesComeBackEmpty() {
    try (WsTestClient client = connect()) {
      assertEquals("", client.callText(""));
      client.sendBinary(new byte[0]);
      assertArrayEquals(new byte[0], client.awaitBinary());
    }
  }

  @Test
  void aFragmentedMessageComesBackWhole() throws Exception {
    CompletableFuture<String> echoed = new CompletableFuture<>();
    WebSocket socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .buildAsync(
                app.uri("/echo"),
                new WebSocket.Listener() {
                  private final StringBuilder text = new StringBuilder();

                  @Override
                  public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                    text.append(data);
                    if (last) {
                      echoed.complete(text.toString());
                    }
                    ws.request(1);
                    return null;
                  }
                })
            .get(10, TimeUnit.SECONDS);
    try {
      socket.sendText("héllo, ", false).get(10, TimeUnit.SECONDS);
      socket.sendText("frag", false).get(10, TimeUnit.SECONDS);
      socket.sendText("mented ✓", true).get(10, TimeUnit.SECONDS);
      assertEquals("héllo, fragmented ✓", echoed.get(10, TimeUnit.SECONDS));
    } finally {
      socket.abort();
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
