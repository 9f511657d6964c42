package io.switchboard.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.greeter.GreeterApp;
import com.example.greeter.GreeterEndpoint.Bid;
import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.CloseReason;
import io.switchboard.undertow.SwitchboardServer;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The examples of docs/testing.md, as they are printed there: keep the two in step. */
class TestingGuideTest {

  @RegisterExtension
  static final SwitchboardExtension app = SwitchboardExtension.of(GreeterApp::server);

  @Test
  void helloAnswers() {
    WsTestClient client = app.client("/greeter");

    assertEquals("Hello, human", client.call("hello").asText());
  }

  @Test
  void greetTakesAndReturnsJson() {
    JsonNode reply = app.client("/greeter").call("greet", Map.of("name", "Ada"));

    assertEquals("Hello, Ada", reply.get("greeting").asText());
  }

  @Test
  void aMissingFieldIsABadRequestNamingIt() {
    WsTestClient client = app.client("/greeter");

    ErrorReplyException error =
        assertThrows(ErrorReplyException.class, () -> client.call("greet", Map.of()));

    assertEquals("bad_request", error.code());
    assertEquals("$.name", error.path());
    assertEquals("Hello, human", client.call("hello").asText());
  }

  @Test
  void textLinesWorkToo() {
    assertEquals("Hello, human", app.client("/greeter").callText("hello"));
  }

  @Test
  void amountsArriveExactly() {
    WsTestClient client = app.client("/greeter");

    JsonNode reply = client.call("bid", Map.of("item", "lamp", "amount", new BigDecimal("12.50")));

    assertEquals(new BigDecimal("12.50"), reply.get("amount").decimalValue());
  }

  @Test
  void repliesReadAsTheAppsOwnTypes() {
    Bid bid = new Bid("lamp", new BigDecimal("2E+2"));

    assertEquals(bid, app.client("/greeter").call("bid", bid, Bid.class));
  }

  @Test
  void queryParametersAndHeadersReachTheHandshakeHook() {
    WsTestClient byQuery = app.client("/greeter?token=ada");
    WsTestClient byHeader =
        app.client("/greeter", options -> options.header("Authorization", "Bearer bob"));

    assertEquals("ada", byQuery.call("whoami").asText());
    assertEquals("bob", byHeader.call("whoami").asText());
  }

  @Test
  void aShoutReachesTheOthers() {
    WsTestClient alice = app.client("/greeter");
    WsTestClient bob = app.client("/greeter");

    alice.call("shout", Map.of("text", "hey"));

    assertEquals("hey", bob.awaitEvent("shouted").get("text").asText());
  }

  @Test
  void ticksArriveWithoutAsking() {
    JsonNode tick = app.client("/greeter").awaitEvent("tick", Duration.ofSeconds(2));

    assertTrue(tick.get("millis").asLong() > 0);
  }

  @Test
  void theServerHandlePushesFromOutsideHandlers() {
    WsTestClient client = app.client("/greeter");
    client.call("hello"); // a reply: the session is open and registered

    app.server().broadcaster("/greeter").toAll("announcement", "maintenance at 22:00");

    assertEquals("maintenance at 22:00", client.awaitEvent("announcement").asText());
  }

  @Test
  void theShouterDoesNotHearItself() {
    WsTestClient alice = app.client("/greeter");
    alice.call("shout", Map.of("text", "hey"));

    assertThrows(AssertionError.class, () -> alice.awaitEvent("shouted", Duration.ofMillis(300)));
  }

  @Test
  void byeClosesNormally() {
    WsTestClient client = app.client("/greeter");

    assertEquals("Goodbye", client.callText("bye"));

    assertEquals(new CloseReason(CloseReason.NORMAL_CLOSURE, "bye"), client.awaitClose());
  }

  @Test
  void aForeignOriginIsRefused() {
    WsHandshakeException refused =
        assertThrows(
            WsHandshakeException.class,
            () -> app.client("/greeter", options -> options.origin("https://evil.example")));

    assertEquals(403, refused.statusCode());
  }

  @Test
  void withoutTheExtension() {
    SwitchboardServer server = app.server();

    try (WsTestClient client =
        WsTestClient.builder(URI.create("ws://127.0.0.1:" + server.port() + "/greeter"))
            .origin("http://127.0.0.1:" + server.port())
            .subprotocols("greeter.v2")
            .header("Authorization", "Bearer test-token")
            .timeout(Duration.ofSeconds(5))
            .connect()) {
      assertEquals("greeter.v2", client.subprotocol());
    }
  }
}
