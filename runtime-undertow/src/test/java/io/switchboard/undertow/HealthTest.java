package io.switchboard.undertow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchboard.CloseReason;
import io.switchboard.undertow.health.ReadinessCheck;
import io.switchboard.undertow.testing.Await;
import io.switchboard.undertow.testing.RawWebSocket;
import io.switchboard.undertow.testing.TestEndpoint;
import io.switchboard.undertow.testing.TestServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** health-path: {@code /live} and {@code /ready} over HTTP, before and during a graceful stop. */
class HealthTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void liveAndReadyWhileServing() throws Exception {
    try (SwitchboardServer server = TestServers.builder(new TestEndpoint()).healthPath("/health").start()) {
      HttpResponse<String> live = get(server, "/health/live");
      assertEquals(200, live.statusCode());
      assertEquals("application/json", live.headers().firstValue("Content-Type").orElseThrow());
      assertEquals("{\"status\":\"up\"}", live.body());
      HttpResponse<String> ready = get(server, "/health/ready");
      assertEquals(200, ready.statusCode());
      assertEquals("{\"status\":\"ready\",\"checks\":{\"accepting\":\"up\"}}", ready.body());
    }
  }

  @Test
  void readyIs503WhileAReadinessCheckFails() throws Exception {
    AtomicBoolean connected = new AtomicBoolean(false);
    try (SwitchboardServer server = TestServers.builder(new TestEndpoint()).healthPath("/health").start()) {
      server.addReadinessCheck(ReadinessCheck.of("cluster-bus", connected::get));
      HttpResponse<String> down = get(server, "/health/ready");
      assertEquals(503, down.statusCode());
      assertEquals(
          "{\"status\":\"not ready\",\"checks\":{\"accepting\":\"up\",\"cluster-bus\":\"down\"}}", down.body());
      assertEquals(200, get(server, "/health/live").statusCode());
      connected.set(true);
      assertEquals(200, get(server, "/health/ready").statusCode());
    }
  }

  @Test
  void readyIs503AndLiveStays200DuringAGracefulStop() throws Exception {
    SwitchboardServer server =
        TestServers.builder(new TestEndpoint())
            .healthPath("/health")
            .closeTimeout(Duration.ofSeconds(20))
            .start();
    // A client that does not answer the close frame keeps the stop draining until it hangs up.
    RawWebSocket lingering = RawWebSocket.upgrade(server.port(), "/test");
    assertEquals(101, lingering.status());
    Await.until("the session is open", () -> server.stats().openSessions() == 1);
    Thread stop = new Thread(() -> server.stop(Duration.ofSeconds(20)), "stop");
    stop.start();

    Await.until("ready turns 503", () -> status(server, "/health/ready") == 503);
    assertEquals(
        "{\"status\":\"not ready\",\"checks\":{\"accepting\":\"down\"}}", get(server, "/health/ready").body());
    assertEquals(200, get(server, "/health/live").statusCode());

    assertEquals(CloseReason.GOING_AWAY, lingering.readUntilClose().closeCode());
    lingering.close();
    stop.join(20_000);
    assertEquals(false, stop.isAlive(), "the stop did not end once the last session left");
  }

  @Test
  void offByDefault() throws Exception {
    try (SwitchboardServer server = TestServers.builder(new TestEndpoint()).start()) {
      assertEquals(404, get(server, "/health/live").statusCode());
    }
  }

  private static int status(SwitchboardServer server, String path) {
    try {
      return get(server, path).statusCode();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static HttpResponse<String> get(SwitchboardServer server, String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
