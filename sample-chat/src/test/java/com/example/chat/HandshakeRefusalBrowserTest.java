package com.example.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchboard.undertow.Switchboard;
import io.switchboard.undertow.SwitchboardServer;
import io.switchboard.undertow.handshake.HandshakeRejection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A handshake hook's refusal as a page sees it, in real headless Chromium with switchboard.js: a
 * browser cannot read the HTTP status of a refused upgrade, so the server upgrades and closes with
 * 4401/4403 and the reason; the client stops reconnecting, rejects calls with {@code unauthorized}
 * or {@code forbidden} and emits {@code refused}, and a reconnect with a token gets in.
 */
class HandshakeRefusalBrowserTest {

  private static Chromium chromium;
  private static ChromeDriver browser;
  private static SwitchboardServer server;

  @BeforeAll
  static void start() throws Exception {
    chromium = Chromium.startOrSkip();
    server =
        Switchboard.server()
            .host("127.0.0.1")
            .port(0)
            .shutdownHook(false)
            .endpoint(new EchoEndpoint())
            .handshakeHook(
                request -> {
                  String token =
                      request.queryParam("token")
                          .orElseThrow(() -> HandshakeRejection.unauthorized("log in first"));
                  if (!token.equals("ada")) {
                    throw HandshakeRejection.forbidden("not on the guest list");
                  }
                })
            .start();
    browser = chromium.open();
  }

  @AfterAll
  static void stop() {
    if (chromium != null) {
      chromium.close();
    }
    if (server != null) {
      server.stop(Duration.ofSeconds(2));
    }
  }

  @BeforeEach
  void loadTestPage() {
    browser.get("http://127.0.0.1:" + server.port() + "/test/client.html");
  }

  private static Map<String, Object> run(String body) {
    return Chromium.run(browser, body);
  }

  @Test
  void anUnauthorizedPageLearnsWhyStopsRetryingAndGetsInWithAToken() {
    Map<String, Object> result =
        run(
            """
            const echo = Switchboard.connect('/echo', {minDelay: 50, maxDelay: 100});
            const log = record(echo);
            const refused = new Promise((resolve) => echo.on('refused', resolve));
            const pending = echo.call('hello').then(() => 'resolved', (e) => e.code + ': ' + e.message);
            const event = await refused;
            const later = await echo.call('hello').then(() => 'resolved', (e) => e.code);
            // Long enough for a few backoff retries, if there were any.
            await new Promise((resolve) => setTimeout(resolve, 400));
            const closes = log.of('close').map((c) => c.value.code + ' ' + c.value.reconnecting);
            const retries = log.of('reconnecting').length;
            echo.url = echo.url + '?token=ada';
            echo.reconnect();
            await log.until((records) => records.some((r) => r.type === 'open'));
            const echoed = await new Promise((resolve) => {
              echo.on('message', resolve);
              echo.send('hi again');
            });
            echo.close();
            return {event: event, pending: await pending, later: later, closes: closes,
                    retries: retries, state: echo.state, echoed: echoed};
            """);
    assertEquals(
        Map.of("code", 4401L, "error", "unauthorized", "reason", "log in first"), result.get("event"));
    assertEquals("unauthorized: log in first", result.get("pending"));
    assertEquals("unauthorized", result.get("later"));
    assertEquals(List.of("4401 false"), result.get("closes"));
    assertEquals(0L, result.get("retries"));
    assertEquals("hi again", result.get("echoed"));
  }

  @Test
  void aForbiddenPageIsToldSo() {
    Map<String, Object> result =
        run(
            """
            const echo = Switchboard.connect('/echo?token=bob');
            const event = await new Promise((resolve) => echo.on('refused', resolve));
            const call = await echo.call('hello').then(() => 'resolved', (e) => e.code + ': ' + e.message);
            return {event: event, call: call, state: echo.state};
            """);
    assertEquals(
        Map.of("code", 4403L, "error", "forbidden", "reason", "not on the guest list"), result.get("event"));
    assertEquals("forbidden: not on the guest list", result.get("call"));
    assertEquals("closed", result.get("state"));
  }
}
