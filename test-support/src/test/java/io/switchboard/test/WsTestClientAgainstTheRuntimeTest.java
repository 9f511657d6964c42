package io.switchboard.test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.greeter.GreeterApp;
import com.example.greeter.GreeterEndpoint;
import io.switchboard.CloseReason;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The client against the real runtime and a processor-compiled endpoint, beyond the examples of
 * {@link TestingGuideTest}.
 */
class WsTestClientAgainstTheRuntimeTest {

  @RegisterExtension
  static final SwitchboardExtension app = SwitchboardExtension.of(GreeterApp::server);

  @Test
  void anApplicationErrorBecomesAnErrorReplyException() {
    WsTestClient client = app.client("/greeter");

    ErrorReplyException error =
        assertThrows(ErrorReplyException.class, () -> client.call("greet", Map.of("name", " ")));

    assertEquals("no_name", error.code());
    assertEquals("tell me your name", error.errorMessage());
    assertTrue(client.isOpen());
  }

  @Test
  void anUnknownCommandIsReported() {
    ErrorReplyException error =
        assertThrows(ErrorReplyException.class, () -> app.client("/greeter").call("nope"));

    assertEquals("unknown_command", error.code());
  }

  @Test
  void anUnknownTextLineCommandThrowsToo() {
    ErrorReplyException error =
        assertThrows(ErrorReplyException.class, () -> app.client("/greeter").callText("nope 1"));

    assertEquals("nope", error.command());
    assertEquals("unknown_command", error.code());
  }

  @Test
  void aPushReadsAsTheAppsOwnType() {
    GreeterEndpoint.Tick tick = app.client("/greeter").awaitEvent("tick", GreeterEndpoint.Tick.class);

    assertTrue(tick.millis() > 0, tick::toString);
  }

  @Test
  void helpShowsTheMembersOfARecordPayload() {
    String help = app.client("/greeter").callText("help");

    assertTrue(help.contains("bid {\"item\":…,\"amount\":…}"), help);
    assertTrue(help.contains("twice <BigInteger>"), help);
  }

  @Test
  void aTextLineThatIsNotJsonForARecordSaysWhichFormToUse() {
    ErrorReplyException error =
        assertThrows(ErrorReplyException.class, () -> app.client("/greeter").callText("bid lamp 12"));

    assertEquals("bad_request", error.code());
    assertTrue(
        error.errorMessage().endsWith(
            "; write the argument as JSON: bid {\"item\":…,\"amount\":…} (or send {\"cmd\":\"bid\",\"data\":{…}})"),
        error.errorMessage());
  }

  @Test
  void aTextLineReplyThatIsNotAStringIsItsJson() {
    assertEquals("{\"greeting\":\"Hello, Ada\"}", app.client("/greeter").callText("greet Ada"));
  }

  @Test
  void theServerPicksTheFirstOfferedSubprotocolItSpeaks() {
    WsTestClient client =
        app.client("/greeter", options -> options.subprotocols("greeter.v1", "greeter.v2"));

    assertEquals("greeter.v1", client.subprotocol());
  }

  @Test
  void rawTextAndBinaryMessagesRoundTrip() {
    WsTestClient client = app.client("/raw");

    client.send("{\"not\":\"a command\"}");
    assertEquals("{\"not\":\"a command\"}", client.awaitText());
    client.sendBinary(new byte[] {1, 2, 3});
    assertArrayEquals(new byte[] {1, 2, 3}, client.awaitBinary());
  }

  @Test
  void theHooksRefusalIsAnHttpStatusWithoutOriginAndACloseCodeWithOne() {
    WsHandshakeException refused =
        assertThrows(WsHandshakeException.class, () -> app.client("/greeter?token=mallory"));
    assertEquals(403, refused.statusCode());

    WsTestClient asABrowser =
        app.client("/greeter?token=mallory", options -> options.origin("http://127.0.0.1:" + app.port()));
    assertEquals(new CloseReason(4403, "banned"), asABrowser.awaitClose());
  }

  @Test
  void anUnknownPathIsRefusedWith404() {
    WsHandshakeException refused =
        assertThrows(WsHandshakeException.class, () -> app.client("/nowhere"));

    assertEquals(404, refused.statusCode());
  }

  @Test
  void urisPointAtTheRunningServer() {
    assertEquals("ws://127.0.0.1:" + app.port() + "/greeter", app.uri("/greeter").toString());
    assertEquals(
        "http://127.0.0.1:" + app.port() + "/switchboard.js",
        app.httpUri("switchboard.js").toString());
  }
}
