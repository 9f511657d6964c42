package io.switchboard.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.test.ErrorReplyException;
import io.switchboard.test.WsTestClient;
import io.switchboard.undertow.ServerBuilder;
import io.switchboard.undertow.Switchboard;
import io.switchboard.undertow.SwitchboardServer;
import io.switchboard.undertow.handshake.HandshakeRejection;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The switchboard.* meters after real traffic, scraped over HTTP as Prometheus does. */
class MetricsScrapeTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Pattern SAMPLE = Pattern.compile("(\\w+)(?:\\{(.*)})? (\\S+)");

  static ServerBuilder server() {
    return Switchboard.server()
        .port(0)
        .host("127.0.0.1")
        .shutdownHook(false)
        .endpoint(new MeteredEndpoint());
  }

  @Test
  void everyMeterCountsRealTrafficAndIsScrapedTaggedByEndpoint() throws Exception {
    SimpleMeterRegistry application = new SimpleMeterRegistry();
    try (SwitchboardServer server = server().meterRegistry(application).metricsPath("/metrics").start()) {
      URI uri = URI.create("ws://127.0.0.1:" + server.port() + "/metered");
      try (WsTestClient client = WsTestClient.connect(uri)) {
        client.call("hello");
        client.call("hello");
        assertThrows(ErrorReplyException.class, () -> client.call("refuse"));
        assertThrows(ErrorReplyException.class, () -> client.call("dance"));
        client.send("{\"cmd\":");
        client.awaitText(); // the bad_request reply
        assertThrows(RuntimeException.class,
            () -> WsTestClient.builder(uri).origin("https://evil.example").connect());

        Map<String, Double> open = scrape(server);
        assertEquals(1.0, open.get("switchboard_sessions_active{endpoint=/metered}"));
      }
      // The close is counted on the server's IO thread, after the client saw it. A scrape is no
      // snapshot: it reads sessions_active before sessions_closed, so a close that lands between
      // the two reads shows as closed but still active; the next scrape has both.
      awaitScrape(server, "switchboard_sessions_closed_total{code=1000,endpoint=/metered}", 1.0);
      Map<String, Double> m = awaitScrape(server, "switchboard_sessions_active{endpoint=/metered}", 0.0);

      assertEquals(1.0, m.get("switchboard_sessions_opened_total{endpoint=/metered}"));
      assertEquals(1.0, m.get("switchboard_sessions_closed_total{code=1000,endpoint=/metered}"));
      assertEquals(0.0, m.get("switchboard_sessions_active{endpoint=/metered}"));
      assertEquals(5.0, m.get("switchboard_messages_received_total{endpoint=/metered}"));
      assertEquals(5.0, m.get("switchboard_messages_sent_total{endpoint=/metered}"));
      assertEquals(2.0, m.get("switchboard_command_duration_seconds_count{command=hello,endpoint=/metered,outcome=ok}"));
      assertEquals(1.0, m.get("switchboard_command_duration_seconds_count{command=refuse,endpoint=/metered,outcome=not_allowed}"));
      assertTrue(m.keySet().stream().anyMatch(k -> k.startsWith("switchboard_command_duration_seconds_bucket{command=hello,")),
          "no histogram buckets for p99 queries");
      assertEquals(1.0, m.get("switchboard_errors_total{code=not_allowed,endpoint=/metered}"));
      assertEquals(1.0, m.get("switchboard_errors_total{code=unknown_command,endpoint=/metered}"));
      assertEquals(1.0, m.get("switchboard_errors_total{code=bad_request,endpoint=/metered}"));
      assertEquals(1.0, m.get("switchboard_handshakes_refused_total{endpoint=/metered,status=403}"));
      assertEquals(0.0, m.get("switchboard_slow_consumer_closes_total{endpoint=/metered}"));
      assertEquals(0.0, m.get("switchboard_rate_limited_total{endpoint=/metered}"));
      assertEquals(0.0, m.get("switchboard_outbound_queued_bytes{endpoint=/metered}"));

      // The application's own registry got the same meters.
      assertEquals(2, application.get("switchboard.command.duration").tag("command", "hello").timer().count());
    }
  }

  @Test
  void theMetricsPathAloneScrapesARegistryOfItsOwn() throws Exception {
    try (SwitchboardServer server = server().metricsPath("/metrics").start();
        WsTestClient client = WsTestClient.connect(URI.create("ws://127.0.0.1:" + server.port() + "/metered"))) {
      client.call("hello");
      HttpResponse<String> scrape = get(server, "/metrics");
      assertEquals(200, scrape.statusCode());
      assertTrue(scrape.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain; version=0.0.4"));
      assertEquals(1.0, parse(scrape.body()).get("switchboard_messages_received_total{endpoint=/metered}"));
    }
  }

  @Test
  void hookRefusalsAreCountedByStatusAndByCloseCode() throws Exception {
    try (SwitchboardServer server =
        server()
            .metricsPath("/metrics")
            .handshakeHook(request -> {
              throw HandshakeRejection.unauthorized("log in first");
            })
            .start()) {
      URI uri = URI.create("ws://127.0.0.1:" + server.port() + "/metered");
      assertThrows(RuntimeException.class, () -> WsTestClient.connect(uri), "no Origin: HTTP 401");
      try (WsTestClient browser =
          WsTestClient.builder(uri).origin("http://127.0.0.1:" + server.port()).connect()) {
        assertEquals(4401, browser.awaitClose().code(), "a browser: upgraded, then closed");
      }
      awaitScrape(server, "switchboard_handshakes_refused_total{endpoint=/metered,status=401}", 1.0);
      awaitScrape(server, "switchboard_handshakes_refused_total{endpoint=/metered,status=4401}", 1.0);
    }
  }

  @Test
  void oversizeRequestHeadsAreCountedByStatusWithoutAnEndpoint() throws Exception {
    try (SwitchboardServer server = server().metricsPath("/metrics").maxHeaderSize(1024).start()) {
      refusedHead(server, "GET /metered HTTP/1.1\r\nHost: x\r\nX-Padding: " + "p".repeat(1024) + "\r\n\r\n");
      refusedHead(server, "GET /" + "q".repeat(1024) + " HTTP/1.1\r\n\r\n");
      awaitScrape(server, "switchboard_handshakes_refused_total{endpoint=,status=431}", 1.0);
      awaitScrape(server, "switchboard_handshakes_refused_total{endpoint=,status=414}", 1.0);
    }
  }

  /** Sends a request head over the limit on a socket of its own and reads until the server closes. */
  private static void refusedHead(SwitchboardServer server, String head) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
      String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
      assertTrue(response.startsWith("HTTP/1.1 4"), response);
    }
  }

  @Test
  void aRegistryThatIsNoMeterRegistryIsRefusedAtStart() {
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> server().meterRegistry("registry").start());
    assertTrue(refused.getMessage().contains("MeterRegistry"), refused.getMessage());
  }

  /** Scrapes until {@code sample} has {@code value} (events are counted on the server's threads). */
  static Map<String, Double> awaitScrape(SwitchboardServer server, String sample, double value) throws Exception {
    long deadline = System.nanoTime() + 10_000_000_000L;
    Map<String, Double> samples = scrape(server);
    while (!Double.valueOf(value).equals(samples.get(sample))) {
      assertTrue(System.nanoTime() < deadline, sample + " never reached " + value + " in " + samples);
      Thread.sleep(20);
      samples = scrape(server);
    }
    return samples;
  }

  static Map<String, Double> scrape(SwitchboardServer server) throws Exception {
    HttpResponse<String> response = get(server, "/metrics");
    assertEquals(200, response.statusCode());
    return parse(response.body());
  }

  /** Samples of the text format as {@code name{label=value,…}} (labels sorted, unquoted) → value. */
  static Map<String, Double> parse(String text) {
    Map<String, Double> samples = new TreeMap<>();
    for (String line : text.split("\n")) {
      Matcher sample = SAMPLE.matcher(line);
      if (line.startsWith("#") || !sample.matches()) {
        continue;
      }
      String labels = sample.group(2) == null ? "" : "{" + String.join(",", Arrays.stream(sample.group(2).split(","))
          .map(label -> label.replace("\"", "")).sorted().toList()) + "}";
      samples.put(sample.group(1) + labels, Double.parseDouble(sample.group(3)));
    }
    return samples;
  }

  static HttpResponse<String> get(SwitchboardServer server, String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
