package com.example.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchboard.test.RedisServer;
import io.switchboard.test.TcpProxy;
import io.switchboard.test.WsTestClient;
import io.switchboard.undertow.SwitchboardServer;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The chat page in headless Chromium behind a TCP proxy that resets its connection and refuses new
 * ones while others talk in the lobby: switchboard.js comes back by itself, and the page shows the
 * lines it missed, once each, in order; on one node, and through the other node of a cluster.
 */
class ChatPageRecoveryBrowserTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  private static Chromium chromium;
  private static ChromeDriver page;
  private static SwitchboardServer server;
  private static TcpProxy proxy;

  @BeforeAll
  static void start() throws Exception {
    chromium = Chromium.startOrSkip();
    server = Main.start(ChatOptions.parse("--port", "0", "--host", "127.0.0.1"));
    proxy = TcpProxy.to(server.port());
    page = chromium.open();
  }

  @AfterAll
  static void stop() {
    if (chromium != null) {
      chromium.close();
    }
    if (proxy != null) {
      proxy.close();
    }
    if (server != null) {
      server.stop(Duration.ofSeconds(2));
    }
  }

  @Test
  void thePageShowsTheLinesItMissedWhileTheNetworkWasDown() {
    missesTwentyLinesAndComesBack(proxy, server, server, server).talker().close();
  }

  @Test
  void thePageRecoversThroughTheOtherNodeOfACluster() throws Exception {
    try (RedisServer redis = RedisServer.start()) {
      SwitchboardServer a = Main.start(ChatOptions.parse("--port", "0", "--host", "127.0.0.1", "--cluster", redis.uri()));
      SwitchboardServer b = Main.start(ChatOptions.parse("--port", "0", "--host", "127.0.0.1", "--cluster", redis.uri()));
      try (TcpProxy toA = TcpProxy.to(a.port())) {
        CameBack back = missesTwentyLinesAndComesBack(toA, a, b, b);
        String me = back.me();
        try (WsTestClient talker = back.talker()) {
          assertEquals(2, b.sessions("/chat").count(), "the talker and the recovered page, on B");
          assertEquals(me, page.findElement(By.id("me")).getText(), "the same member, name and all");
          waitUntil(p -> talker.call("users").toString()
              .split(java.util.regex.Pattern.quote("\"" + me + "\""), -1).length == 2); // listed once
        }
      } finally {
        a.stop(Duration.ofSeconds(2));
        b.stop(Duration.ofSeconds(2));
      }
    }
  }

  /** The page's member name before the cut, and the talker, still connected. */
  private record CameBack(String me, WsTestClient talker) {}

  /**
   * The page, through {@code proxy} to {@code pageNode}, is cut off while a talker on {@code
   * talkerNode} says 20 lines in the lobby, and comes back through the proxy, which sends it to
   * {@code comesBackTo}: it shows every line once, in order, then live ones.
   */
  private static CameBack missesTwentyLinesAndComesBack(
      TcpProxy proxy, SwitchboardServer pageNode, SwitchboardServer talkerNode, SwitchboardServer comesBackTo) {
    page.get("http://127.0.0.1:" + proxy.port() + "/");
    waitUntil(b -> !b.findElement(By.id("me")).getText().equals("–"));
    String me = page.findElement(By.id("me")).getText();
    WsTestClient talker = WsTestClient.connect(URI.create("ws://127.0.0.1:" + talkerNode.port() + "/chat"));
    talker.call("say", Map.of("text", "before the cut"));
    waitUntil(b -> chatLines().contains("before the cut"));

    proxy.refuse(true);
    proxy.cut();
    int staying = pageNode == talkerNode ? 1 : 0;
    waitUntil(b -> pageNode.sessions("/chat").count() == staying); // it saw the page's connection drop
    List<String> said = new ArrayList<>(List.of("before the cut"));
    for (int n = 1; n <= 20; n++) {
      talker.call("say", Map.of("text", "missed " + n));
      said.add("missed " + n);
    }
    proxy.target(comesBackTo.port());
    proxy.refuse(false);

    waitUntil(b -> systemLines().contains("Reconnected, 20 missed lines recovered."));
    assertEquals(said, chatLines());
    talker.call("say", Map.of("text", "live again"));
    said.add("live again");
    waitUntil(b -> chatLines().contains("live again"));
    assertEquals(said, chatLines());
    return new CameBack(me, talker);
  }

  private static void waitUntil(Predicate<ChromeDriver> condition) {
    new WebDriverWait(page, WAIT).until(b -> condition.test((ChromeDriver) b));
  }

  private static List<String> chatLines() {
    return logLines("chat");
  }

  private static List<String> systemLines() {
    return logLines("system");
  }

  @SuppressWarnings("unchecked")
  private static List<String> logLines(String kind) {
    return (List<String>) page.executeScript(
        "return Array.from(document.querySelectorAll('#log li.' + arguments[0] + ' .text'), li => li.textContent);",
        kind);
  }
}
