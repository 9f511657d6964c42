package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.test.ErrorReplyException;
import io.switchboard.test.SwitchboardExtension;
import io.switchboard.test.WsTestClient;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Starts the app's server on a free port (once for this class) and talks to it over real
 * WebSocket connections. Clients made with app.client(...) are closed after each test.
 */
class ${endpointClass}Test {

  @RegisterExtension
  static final SwitchboardExtension app = SwitchboardExtension.of(Main::server);

  @Test
  void helloGreets() {
    WsTestClient client = app.client("${endpointPath}");

    assertEquals("Hello, human", client.call("hello").asText());
  }

  @Test
  void echoAnswersInBothMessageForms() {
    WsTestClient client = app.client("${endpointPath}");

    assertEquals("ping", client.call("echo", "ping").asText());
    assertEquals("pong", client.callText("echo pong"));
  }

  @Test
  void timeIsTheServersClock() {
    Instant before = Instant.now();

    Instant time = Instant.parse(app.client("${endpointPath}").call("time").asText());

    assertFalse(time.isBefore(before.minusSeconds(1)), "time " + time + " is before " + before);
  }

  @Test
  void sayReachesEveryConnectedClient() {
    WsTestClient alice = app.client("${endpointPath}");
    WsTestClient bob = app.client("${endpointPath}");

    alice.call("say", Map.of("text", "hi all"));

    JsonNode heard = bob.awaitEvent("said");
    assertEquals("hi all", heard.get("text").asText());
    assertEquals(heard, alice.awaitEvent("said"));
  }

  @Test
  void theClockTicksWithoutBeingAsked() {
    JsonNode tick = app.client("${endpointPath}").awaitEvent("clock");

    Instant.parse(tick.get("time").asText()); // throws if it is not an ISO instant
  }

  @Test
  void anUnknownCommandIsAnErrorReplyAndTheConnectionStaysUp() {
    WsTestClient client = app.client("${endpointPath}");

    ErrorReplyException error = assertThrows(ErrorReplyException.class, () -> client.call("nope"));

    assertEquals("unknown_command", error.code());
    assertEquals("Hello, human", client.call("hello").asText());
  }

  @Test
  void thePageIsServedOnTheSamePort() throws Exception {
    HttpResponse<String> page =
        HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(app.httpUri("/")).build(), HttpResponse.BodyHandlers.ofString());

    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("/switchboard.js"), page.body());
  }
}
