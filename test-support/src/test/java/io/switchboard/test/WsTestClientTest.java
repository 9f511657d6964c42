package io.switchboard.test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.CloseReason;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The client against a scripted server: what it does with replies, pushes, errors, closes and
 * drops, whatever the runtime does.
 */
class WsTestClientTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Answers each request with its own data and id, after a push and a reply to another id that a
   * correct client must not take for the answer.
   */
  private static void echoWithTickFirst(String text, WebSocketChannel channel) throws IOException {
    JsonNode request = JSON.readTree(text);
    WebSockets.sendTextBlocking("{\"event\":\"tick\",\"data\":1}", channel);
    WebSockets.sendTextBlocking("{\"re\":999,\"cmd\":\"other\",\"data\":\"not yours\"}", channel);
    String data = request.has("data") ? ",\"data\":" + request.get("data") : "";
    WebSockets.sendTextBlocking(
        "{\"re\":" + request.get("id") + ",\"cmd\":" + request.get("cmd") + data + "}", channel);
  }

  @Test
  void callReturnsTheDataOfTheReplyWithItsIdAndKeepsThePushForLater() throws Exception {
    try (ScriptedServer server = ScriptedServer.start(WsTestClientTest::echoWithTickFirst);
        WsTestClient client = WsTestClient.connect(server.uri("/ws"))) {
      JsonNode data = client.call("say", Map.of("text", "hi"));

      assertEquals("hi", data.get("text").asText());
      assertEquals(1, client.awaitEvent("tick").asInt());
    }
  }

  @Test
  void successiveCallsUseDistinctIds() throws Exception {
    try (ScriptedServer server = ScriptedServer.start(WsTestClientTest::echoWithTickFirst);
        WsTestClient client = WsTestClient.connect(server.uri("/ws"))) {
      assertEquals("a", client.call("echo", "a").asText());
      assertEquals("b", client.call("echo", "b").asText());
      assertTrue(client.call("nothing").isMissingNode());
    }
  }

  @Test
  void errorReplyThrowsWithCodeMessageAndPath() throws Exception {
    ScriptedServer.Script badRequest =
        (text, channel) ->
            WebSockets.sendTextBlocking(
                "{\"re\":"
                    + JSON.readTree(text).get("id")
                    + ",\"cmd\":\"say\",\"error\":"
                    + "{\"code\":\"bad_request\",\"message\":\"$.text: required field is missing\","
                    + "\"path\":\"$.text\"}}",
                channel);
    try (ScriptedServer server = ScriptedServer.start(badRequest);
        WsTestClient client = WsTestClient.connect(server.uri("/ws"))) {
      ErrorReplyException error =
          assertThrows(ErrorReplyException.class, () -> client.call("say", Map.of()));

      assertEquals("say", error.command());
      assertEquals("bad_request", error.code());
      assertEquals("$.text", error.path());
      assertEquals("$.text: required field is missing", error.errorMessage());
      assertTrue(client.isOpen(), "an error reply leaves the connection open");
    }
  }

  @Test
  void callTextReturnsThePlainReplyAndSkipsPushes() throws Exception {
    ScriptedServer.Script greeter =
        (text, channel) -> {
          WebSockets.sendTextBlocking(
              "{\"event\":\"joined\",\"data\":{\"name\":\"ann\"}}", channel);
          WebSockets.sendTextBlocking("Hello, " + text.substring("hello ".length()), channel);
        };
    try (ScriptedServer server = ScriptedServer.start(greeter);
        WsTestClient client = WsTestClient.connect(server.uri("/ws"))) {
      assertEquals("Hello, Tony", client.callText("hello Tony"));
      assertEquals("ann", client.awaitEvent("joined").get("name").asText());
    }
  }

  @Test
  void callTextThrowsOnTheErrorEnvelopeOfATextLine() throws Exception {
    ScriptedServer.Script unknown =
        (text, channel) ->
            WebSockets.sendTextBlocking(
                "{\"cmd\":\"nme\",\"error\":{\"code\":\"unknown_command\",\"message\":\"no\"}}",
                channel);
    try (ScriptedServer server = ScriptedServer.start(unknown);
        WsTestClient client = WsTestClient.connect(server.uri("/ws"))) {
      ErrorReplyException error =
          assertThrows(ErrorReplyException.class, () -> client.callText("nme Tony"));

      assertEquals("nme", error.command());
      assertEquals("unknown_command", error.code());
    }
  }

  @Test
  void concurrentCallsEachGetTheirOwnReply() throws Exception {
    try (ScriptedServer server = ScriptedServer.start(WsTestClientTest::echoWithTickFirst);
        WsTestClient client = WsTestClient.connect(server.uri("/ws"))) {
      ExecutorService threads = Executors.newFixedThreadPool(4);
      try {
        List<Future<Boolean>> answers = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
          String text = "message " + i;
          answers.add(threads.submit(() -> client.call("echo", text).asText().equals(text)));
        }
        for (Future<Boolean> answer : answers) {
          assertTrue(answer.get(30, TimeUnit.SECONDS));
        }
      } finally {
        threads.shutdownNow();
      }
    }
  }

  @Test
  void awaitTextTakesMessagesInArrivalOrderAndJoinsLargeOnes() throws Exception {
    String large = "x".repeat(300_000); // arrives in several parts on the client side
    ScriptedServer.Script twice =
        (text, channel) -> {
          WebSockets.sendTextBlocking("first", channel);
          WebSockets.sendTextBlocking(large, channel);
        };
    try (ScriptedServer server = ScriptedServer.start(twice);
        WsTestClient client = WsTestClient.connect(server.uri("/ws"))) {
      client.send("go");

      assertEquals("first", client.awaitText());
      assertEquals(large, client.awaitText());
    }
  }

  @Test
  void aWaitThatTimesOutSaysWhatItWaitedForAndWhatCameInstead() throws Exception {
    ScriptedServer.Script pushThenAnswer =
        (text, channel) -> {
          WebSockets.sendTextBlocking("{\"event\":\"other\",\"data\":2}", channel);
          WebSockets.sendTextBlocking("done", channel);
        };
    try (ScriptedServer server = ScriptedServer.start(pushThenAnswer);
        WsTestClient client = WsTestClient.connect(server.uri("/ws"))) {
      assertEquals("done", client.callText("go")); // so the push is already in, unclaimed

      AssertionError timeout =
          assertThrows(
              AssertionError.class, () -> client.awaitEvent("temp", Duration.ofMillis(300)));

      assertTrue(
          timeout.getMessage().contains("no event \"temp\" within 300 ms"), timeout.getMessage());
      assertTrue(
          timeout.getMessage().contains("{\"event\":\"other\",\"data\":2}"), timeout.getMessage());
    }
  }

  @Test
  void aWaitFailsAtOnceWhenTheServerCloses() throws Exception {
    ScriptedServer.Script closer =
        (text, channel) -> WebSockets.sendCloseBlocking(4001, "go away", channel);
    try (ScriptedServer server = ScriptedServer.start(closer);
        WsTestClient client = WsTestClient.connect(server.uri("/ws"))) {
      long start = System.nanoTime();

      AssertionError closed =
          assertThrows(
              AssertionError.class, () -> client.call("hello", null, Duration.ofSeconds(60)));

      assertTrue(
          Duration.ofNanos(System.nanoTime() - start).toSeconds() < 30,
          "did not wait for the timeout");
      assertTrue(
          closed.getMessage().contains("connection closed (4001 go away)"), closed.getMessage());
      assertEquals(new CloseReason(4001, "go away"), client.awaitClose());
      assertFalse(client.isOpen());
    }
  }

  @Test
  void awaitCloseReportsTheServersCodeAndReason() throws Exception {
    ScriptedServer.Script bye =
        (text, channel) -> {
          WebSockets.sendTextBlocking("Goodbye", channel);
          WebSockets.sendCloseBlocking(CloseReason.NORMAL_CLOSURE, "bye", channel);
        };
    try (ScriptedServer server = ScriptedServer.start(bye);
        WsTestClient client = WsTestClient.connect(server.uri("/ws"))) {
      assertEquals("Goodbye", client.callText("bye"));
      assertEquals(new CloseReason(1000, "bye"), client.awaitClose());
    }
  }

  @Test
  void aDroppedConnectionClosesWith1006() throws Exception {
    ScriptedServer.Script drop = (text, channel) -> channel.close();
    try (ScriptedServer server = ScriptedServer.start(drop);
        WsTestClient client = WsTestClient.connect(server.uri("/ws"))) {
      client.send("drop");

      assertEquals(CloseReason.ABNORMAL_CLOSURE, client.awaitClose().code());
    }
  }

  @Test
  void awaitCloseFailsWhileTheConnectionStaysOpen() throws Exception {
    try (ScriptedServer server = ScriptedServer.start((text, channel) -> {});
        WsTestClient client = WsTestClient.connect(server.uri("/ws"))) {
      AssertionError open =
          assertThrows(AssertionError.class, () -> client.awaitClose(Duration.ofMillis(200)));

      assertTrue(open.getMessage().contains("connection still open"), open.getMessage());
    }
  }

  @Test
  void binaryMessagesRoundTrip() throws Exception {
    byte[] bytes = {0, 1, 2, (byte) 0xff};
    try (ScriptedServer server = ScriptedServer.start((text, channel) -> {});
        WsTestClient client = WsTestClient.connect(server.uri("/ws"))) {
      client.sendBinary(bytes);

      assertArrayEquals(bytes, client.awaitBinary());
    }
  }

  @Test
  void originAndHeadersGoIntoTheHandshake() throws Exception {
    try (ScriptedServer server =
            ScriptedServer.start(
                (exchange, channel) ->
                    WebSockets.sendText(
                        exchange.getRequestHeader("Origin")
                            + " "
                            + exchange.getRequestHeader("X-Token"),
                        channel,
                        null),
                (text, channel) -> {});
        WsTestClient client =
            WsTestClient.builder(server.uri("/ws"))
                .origin("http://localhost:8080")
                .header("X-Token", "secret")
                .connect()) {
      assertEquals("http://localhost:8080 secret", client.awaitText());
    }
  }

  @Test
  void aRefusedHandshakeThrowsWithTheHttpStatus() throws Exception {
    try (ScriptedServer server = ScriptedServer.start((text, channel) -> {})) {
      WsHandshakeException refused =
          assertThrows(
              WsHandshakeException.class, () -> WsTestClient.connect(server.uri("/forbidden")));

      assertEquals(403, refused.statusCode());
    }
  }

  @Test
  void nothingListeningThrowsUncheckedIoException() throws Exception {
    int freePort;
    try (ServerSocket socket = new ServerSocket(0)) {
      freePort = socket.getLocalPort();
    }

    assertThrows(
        UncheckedIOException.class,
        () -> WsTestClient.connect(URI.create("ws://127.0.0.1:" + freePort + "/ws")));
  }
}
