package com.example.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.CloseReason;
import io.switchboard.undertow.SwitchboardServer;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * switchboard.js in real headless Chromium against the real server: call/reply correlation,
 * timeouts, error replies, and reconnecting with backoff. The page under test ({@code
 * src/test/resources/web/test/client.html}) loads only switchboard.js and a recorder of connection
 * events that scripts can await.
 */
class SwitchboardJsBrowserTest {

  private static Chromium chromium;
  private static ChromeDriver browser;
  private static SwitchboardServer server;

  @BeforeAll
  static void start() throws Exception {
    chromium = Chromium.startOrSkip();
    server = startServer(0);
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

  private static SwitchboardServer startServer(int port) {
    return Main.start(ChatOptions.parse("--port", String.valueOf(port), "--host", "127.0.0.1"));
  }

  private static Map<String, Object> run(String body, Object... args) {
    return Chromium.run(browser, body, args);
  }

  private static long number(Object value) {
    return ((Number) value).longValue();
  }

  @Test
  void callsResolveWithTheirOwnRepliesAndQueueUntilTheSocketIsOpen() {
    Map<String, Object> result =
        run(
            """
            const chat = Switchboard.connect('/chat');   // relative to the page: ws://host:port/chat
            const welcome = new Promise((resolve) => chat.on('welcome', resolve));
            // Called while still connecting: queued, sent on open.
            const [id, hello, date, help] =
                await Promise.all(['id', 'hello', 'date', 'help'].map((cmd) => chat.call(cmd)));
            const me = await welcome;
            chat.close();
            return {url: chat.url, id: id, me: me.id, hello: hello, date: date,
                    commands: help.commands.length, state: chat.state};
            """);
    assertEquals("ws://127.0.0.1:" + server.port() + "/chat", result.get("url"));
    assertEquals(result.get("me"), result.get("id"));
    assertTrue(((String) result.get("hello")).startsWith("Hello, guest-"), result::toString);
    assertTrue(((String) result.get("date")).matches("\\d{4}-\\d{2}-\\d{2}"), result::toString);
    assertEquals((long) ChatEndpointTest.COMMANDS.size(), number(result.get("commands")));
    assertEquals("closed", result.get("state"));
  }

  @Test
  void helpersMapAddressesAndBoundTheBackoff() {
    Map<String, Object> result =
        run(
            """
            const delays = [];
            for (let attempt = 1; attempt <= 8; attempt++) {
              const samples = Array.from({length: 200},
                  () => Switchboard.backoffDelay(attempt, {minDelay: 100, maxDelay: 1000}));
              delays.push([Math.min(...samples), Math.max(...samples)]);
            }
            return {
              relative: Switchboard.webSocketUrl('/chat'),
              https: Switchboard.webSocketUrl('https://example.com/chat?room=1'),
              ws: Switchboard.webSocketUrl('ws://example.com:9000/echo'),
              delays: delays,
              version: Switchboard.version,
              frozen: Object.isFrozen(Switchboard.defaults),
            };
            """);
    assertEquals("ws://127.0.0.1:" + server.port() + "/chat", result.get("relative"));
    assertEquals("wss://example.com/chat?room=1", result.get("https"));
    assertEquals("ws://example.com:9000/echo", result.get("ws"));
    assertEquals("0.1.0", result.get("version"));
    assertEquals(true, result.get("frozen"));
    @SuppressWarnings("unchecked")
    List<List<Number>> delays = (List<List<Number>>) result.get("delays");
    for (int attempt = 1; attempt <= 8; attempt++) {
      long ceiling = Math.min(1000, 100L << (attempt - 1));
      List<Number> range = delays.get(attempt - 1);
      assertTrue(
          range.get(0).longValue() >= ceiling / 2 && range.get(1).longValue() <= ceiling,
          "attempt " + attempt + ": " + range);
      // 200 samples spread over the upper half of the ceiling: jitter, not a constant.
      assertTrue(
          range.get(1).longValue() - range.get(0).longValue() > ceiling / 4,
          "attempt " + attempt + ": " + range);
    }
  }

  @Test
  void repliesAreMatchedByIdEvenWhenTheyComeOutOfOrder() {
    // /echo sends every frame back: the call frames come back as they are (not replies, so
    // ignored), and the two replies written here come back in the opposite order of the calls.
    Map<String, Object> result =
        run(
            """
            const echo = Switchboard.connect('/echo');
            await new Promise((resolve) => echo.on('open', resolve));
            const first = echo.call('first');    // id 1
            const second = echo.call('second');  // id 2
            echo.send(JSON.stringify({re: 2, cmd: 'second', data: {n: 'two'}}));
            echo.send(JSON.stringify({re: 1, cmd: 'first', data: {n: 'one'}}));
            const results = {first: (await first).n, second: (await second).n};
            echo.close();
            return results;
            """);
    assertEquals(Map.of("first", "one", "second", "two"), result);
  }

  @Test
  void aCallWithoutReplyRejectsWithTimeout() {
    Map<String, Object> result =
        run(
            """
            const echo = Switchboard.connect('/echo');
            await new Promise((resolve) => echo.on('open', resolve));
            const started = performance.now();
            try {
              await echo.call('never-answered', {a: 1}, {timeout: 300});
              return {resolved: true};
            } catch (error) {
              return {code: error.code, name: error.name, message: error.message, cmd: error.cmd,
                      elapsed: performance.now() - started};
            } finally {
              echo.close();
            }
            """);
    assertEquals("timeout", result.get("code"), result::toString);
    assertEquals("SwitchboardError", result.get("name"));
    assertEquals("never-answered", result.get("cmd"));
    assertEquals("no reply to \"never-answered\" within 300 ms", result.get("message"));
    double elapsed = ((Number) result.get("elapsed")).doubleValue();
    assertTrue(elapsed >= 295 && elapsed < 5000, "rejected after " + elapsed + " ms");
  }

  @Test
  void anErrorReplyRejectsWithTheServersCodeAndPath() {
    Map<String, Object> result =
        run(
            """
            const chat = Switchboard.connect('/chat');
            const failure = (promise) => promise.then(
                (value) => ({resolved: value}),
                (error) => ({code: error.code, path: error.path, cmd: error.cmd, message: error.message}));
            const unknown = await failure(chat.call('dance'));
            const blank = await failure(chat.call('say', {text: '   '}));
            const taken = await failure(chat.call('name', ''));
            const alive = await chat.call('id');   // an error reply leaves the connection up
            chat.close();
            return {unknown: unknown, blank: blank, taken: taken, alive: alive};
            """);
    @SuppressWarnings("unchecked")
    Map<String, Object> unknown = (Map<String, Object>) result.get("unknown");
    assertEquals("unknown_command", unknown.get("code"), result::toString);
    assertEquals("dance", unknown.get("cmd"));
    @SuppressWarnings("unchecked")
    Map<String, Object> blank = (Map<String, Object>) result.get("blank");
    assertEquals("bad_request", blank.get("code"), result::toString);
    assertEquals("$.text", blank.get("path"));
    @SuppressWarnings("unchecked")
    Map<String, Object> taken = (Map<String, Object>) result.get("taken");
    assertEquals("bad_name", taken.get("code"), result::toString);
    assertFalse(((String) result.get("alive")).isEmpty());
  }

  @Test
  void reconnectsWithExponentialBackoffAndJitterUntilTheServerIsBack() throws Exception {
    SwitchboardServer restarting = startServer(0);
    int port = restarting.port();
    try {
      // The page must come from the server it connects to: a WebSocket from another origin is
      // refused (403) by the default origin check.
      browser.get("http://127.0.0.1:" + port + "/test/client.html");
      run(
          """
          const url = 'ws://127.0.0.1:' + args[0] + '/chat';
          window.plain = Switchboard.connect(url);
          window.plainLog = record(plain);
          window.sturdy = Switchboard.connect(url,
              {reconnectOnGoingAway: true, minDelay: 200, maxDelay: 800, maxAttempts: 50});
          window.sturdyLog = record(sturdy);
          await plainLog.until((r) => r.some((x) => x.type === 'open'));
          await sturdyLog.until((r) => r.some((x) => x.type === 'open'));
          """,
          port);

      restarting.stop(
          Duration.ofSeconds(2)); // every session gets 1001, then connections are refused

      Map<String, Object> down =
          run(
              """
              await plainLog.until((r) => r.some((x) => x.type === 'state' && x.value === 'closed'));
              // the close of going away, then those of four refused attempts
              await sturdyLog.until((r) => r.filter((x) => x.type === 'close').length >= 5);
              return {
                plainClose: plainLog.of('close')[0].value,
                plainRetries: plainLog.of('reconnecting').length,
                retries: sturdyLog.of('reconnecting').slice(0, 4)
                    .map((x) => ({attempt: x.value.attempt, delay: x.value.delay, at: x.at})),
                closes: sturdyLog.of('close').slice(0, 5).map((x) => ({code: x.value.code, at: x.at})),
                state: sturdy.state,
              };
              """);
      // Without the option, 1001 (going away) is final.
      @SuppressWarnings("unchecked")
      Map<String, Object> plainClose = (Map<String, Object>) down.get("plainClose");
      assertEquals((long) CloseReason.GOING_AWAY, number(plainClose.get("code")));
      assertEquals(false, plainClose.get("reconnecting"));
      assertEquals(0L, number(down.get("plainRetries")));

      @SuppressWarnings("unchecked")
      List<Map<String, Object>> retries = (List<Map<String, Object>>) down.get("retries");
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> closes = (List<Map<String, Object>>) down.get("closes");
      assertEquals((long) CloseReason.GOING_AWAY, number(closes.get(0).get("code")));
      for (int i = 0; i < 4; i++) {
        Map<String, Object> retry = retries.get(i);
        assertEquals(i + 1L, number(retry.get("attempt")));
        long ceiling = Math.min(800, 200L << i);
        long delay = number(retry.get("delay"));
        assertTrue(
            delay >= ceiling / 2 && delay <= ceiling,
            "attempt " + (i + 1) + " delay " + delay + " outside " + ceiling / 2 + "-" + ceiling);
        // The attempt really waited that long: its socket closed (refused) only after the delay.
        double waited =
            ((Number) closes.get(i + 1).get("at")).doubleValue()
                - ((Number) retry.get("at")).doubleValue();
        assertTrue(
            waited >= delay - 5,
            "attempt " + (i + 1) + " came after " + waited + " ms, before its delay " + delay);
        assertEquals((long) CloseReason.ABNORMAL_CLOSURE, number(closes.get(i + 1).get("code")));
      }
      assertEquals("reconnecting", down.get("state"));

      restarting = startServer(port);
      Map<String, Object> back =
          run(
              """
              await sturdyLog.until((r) => r.filter((x) => x.type === 'open').length >= 2);
              const id = await sturdy.call('id');
              const opens = sturdyLog.of('open');
              sturdy.close();
              return {reconnected: opens[opens.length - 1].value.reconnected, id: id, state: plain.state};
              """);
      assertEquals(true, back.get("reconnected"));
      assertFalse(((String) back.get("id")).isEmpty());
      assertEquals("closed", back.get("state"), "the connection without the option stays closed");
    } finally {
      restarting.stop(Duration.ofSeconds(2));
    }
  }

  @Test
  void givesUpAfterTheConfiguredNumberOfAttempts() throws Exception {
    int nobodyListens;
    try (ServerSocket socket = new ServerSocket(0)) {
      nobodyListens = socket.getLocalPort();
    }
    Map<String, Object> result =
        run(
            """
            const lost = Switchboard.connect('ws://127.0.0.1:' + args[0] + '/chat',
                {minDelay: 50, maxDelay: 100, maxAttempts: 3});
            const log = record(lost);
            const pending = lost.call('id').catch((error) => error.code);
            await log.until((r) => r.some((x) => x.type === 'state' && x.value === 'closed'));
            const closes = log.of('close').map((x) => x.value.reconnecting);
            let sendError = null;
            try { lost.send('hello'); } catch (error) { sendError = error.code; }
            return {attempts: log.of('reconnecting').map((x) => x.value.attempt), closes: closes,
                    pending: await pending, sendError: sendError};
            """,
            nobodyListens);
    assertEquals(List.of(1L, 2L, 3L), result.get("attempts"));
    assertEquals(List.of(true, true, true, false), result.get("closes"));
    assertEquals("closed", result.get("pending"), "a queued call fails once the client gives up");
    assertEquals("closed", result.get("sendError"));
  }

  @Test
  void doesNotReconnectAfterByeOrClose() {
    Map<String, Object> result =
        run(
            """
            const leaving = Switchboard.connect('/chat');
            const leavingLog = record(leaving);
            const goodbye = new Promise(
                (resolve) => leaving.on('message', (text) => text.startsWith('Goodbye') && resolve(text)));
            const bye = await leaving.call('bye');   // answered by the close itself
            const closing = Switchboard.connect('/chat');
            const closingLog = record(closing);
            await closingLog.until((r) => r.some((x) => x.type === 'open'));
            closing.close();
            await closingLog.until((r) => r.some((x) => x.type === 'close'));
            return {
              bye: bye, goodbye: await goodbye, leavingState: leaving.state,
              leavingRetries: leavingLog.of('reconnecting').length,
              closingClose: closingLog.of('close')[0].value, closingState: closing.state,
            };
            """);
    @SuppressWarnings("unchecked")
    Map<String, Object> bye = (Map<String, Object>) result.get("bye");
    assertEquals((long) CloseReason.NORMAL_CLOSURE, number(bye.get("code")), result::toString);
    assertTrue(((String) result.get("goodbye")).startsWith("Goodbye, guest-"));
    assertEquals("closed", result.get("leavingState"));
    assertEquals(0L, number(result.get("leavingRetries")));
    @SuppressWarnings("unchecked")
    Map<String, Object> closingClose = (Map<String, Object>) result.get("closingClose");
    assertEquals((long) CloseReason.NORMAL_CLOSURE, number(closingClose.get("code")));
    assertEquals(false, closingClose.get("reconnecting"));
    assertEquals("closed", result.get("closingState"));
  }
}
