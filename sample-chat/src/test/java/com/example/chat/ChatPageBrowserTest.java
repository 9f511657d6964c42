package com.example.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.undertow.SwitchboardServer;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The chat page in real headless Chromium, against the real server: what a person sees and does.
 * Two browsers (two people) are shared by the tests; each test loads the page afresh, which is a
 * new connection and a new guest.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChatPageBrowserTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private static Chromium chromium;
  private static ChromeDriver ann;
  private static ChromeDriver ben;
  private static SwitchboardServer server;
  private static int port;

  @BeforeAll
  static void start() throws Exception {
    chromium = Chromium.startOrSkip();
    startServer(0);
    port = server.port();
    ann = chromium.open();
    ben = chromium.open();
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

  private static void startServer(int port) {
    server = Main.start(ChatOptions.parse("--port", String.valueOf(port), "--host", "127.0.0.1"));
  }

  /** Loads the page and waits until the server has welcomed this browser. */
  private static void openPage(ChromeDriver browser) {
    browser.get("http://127.0.0.1:" + port + "/");
    waitUntil(
        browser, b -> "open".equals(b.findElement(By.id("status")).getAttribute("data-state")));
    waitUntil(browser, b -> !b.findElement(By.id("me")).getText().equals("–"));
    // The chips come from the server's help: once they are there, the page is fully set up.
    waitUntil(browser, b -> !b.findElements(By.cssSelector("#chips .chip")).isEmpty());
  }

  private static void type(ChromeDriver browser, String line) {
    browser.findElement(By.id("line")).sendKeys(line + Keys.ENTER);
  }

  private static void waitUntil(ChromeDriver browser, Predicate<ChromeDriver> condition) {
    new WebDriverWait(browser, WAIT).until(b -> condition.test((ChromeDriver) b));
  }

  /** The text of the log lines of one kind ("in", "out", "chat", "notice", "error", "system"). */
  @SuppressWarnings("unchecked")
  private static List<String> log(ChromeDriver browser, String kind) {
    return (List<String>)
        browser.executeScript(
            "return Array.from(document.querySelectorAll('#log li.' + arguments[0] + ' .text'), li"
                + " => li.textContent);",
            kind);
  }

  private static void waitForLogLine(ChromeDriver browser, String kind, Predicate<String> line) {
    waitUntil(browser, b -> log(b, kind).stream().anyMatch(line));
  }

  @SuppressWarnings("unchecked")
  private static List<String> users(ChromeDriver browser) {
    return (List<String>)
        browser.executeScript(
            "return Array.from(document.querySelectorAll('#users li'), li => li.textContent);");
  }

  private static boolean listsItself(ChromeDriver browser) {
    String me = browser.findElement(By.id("me")).getText();
    return !me.equals("–") && users(browser).contains(me);
  }

  private static void rename(ChromeDriver browser, String name) {
    type(browser, "name " + name);
    waitUntil(browser, b -> b.findElement(By.id("me")).getText().equals(name));
  }

  @Test
  @Order(1) // first, so that its screenshot (docs/images/chat-page.png) shows only this chat
  void twoPeopleChatWithEachOther() throws Exception {
    openPage(ann);
    openPage(ben);
    rename(ann, "Ann");
    rename(ben, "Ben");
    type(ann, "join tea-room");
    type(ben, "join tea-room");
    waitUntil(ann, b -> users(b).equals(List.of("Ann", "Ben")));

    type(ann, "say Hi Ben, tea?");
    waitForLogLine(ben, "chat", "Hi Ben, tea?"::equals);
    type(ben, "say Yes please, Ann.");
    waitForLogLine(ann, "chat", "Yes please, Ann."::equals);

    assertEquals(List.of("Hi Ben, tea?", "Yes please, Ann."), log(ann, "chat"));
    assertEquals(List.of("Hi Ben, tea?", "Yes please, Ann."), log(ben, "chat"));
    assertEquals("tea-room", ann.findElement(By.id("room")).getText());

    // The temperature is pushed every 5 s; with it on screen the page is complete for the picture.
    new WebDriverWait(ann, Duration.ofSeconds(8))
        .until(b -> b.findElement(By.id("temperature")).getText().endsWith("°C"));
    Chromium.screenshot(ann, "chat-page");
    ann.manage().window().setSize(new Dimension(400, 800));
    try {
      Chromium.screenshot(ann, "chat-page-phone");
      // On a phone the page still fits its width: nothing to scroll sideways.
      assertTrue(
          (Boolean)
              ann.executeScript(
                  "return document.documentElement.scrollWidth <= window.innerWidth;"));
    } finally {
      ann.manage().window().setSize(new Dimension(1100, 720));
    }
  }

  /**
   * Clicks the {…} toggle of the log line that starts with {@code text} and returns the JSON it
   * shows, as a person would see it.
   */
  private static String rawJson(ChromeDriver browser, String text) {
    WebElement item =
        browser.findElements(By.cssSelector("#log li")).stream()
            .filter(li -> li.findElement(By.cssSelector(".text")).getText().startsWith(text))
            .reduce((first, second) -> second)
            .orElseThrow(() -> new AssertionError("no log line starts with " + text));
    WebElement raw = item.findElement(By.cssSelector(".raw"));
    assertFalse(raw.isDisplayed(), "the JSON is hidden until asked for");
    item.findElement(By.cssSelector(".raw-toggle")).click();
    assertTrue(raw.isDisplayed());
    return raw.getText();
  }

  @Test
  void structuredRepliesReadAsSentencesWithTheJsonOneClickAway() {
    openPage(ann);
    openPage(ben);
    String annName = ann.findElement(By.id("me")).getText();
    String benName = ben.findElement(By.id("me")).getText();

    type(ann, "users");
    // "2 online in lobby: Ada, guest-2" (pages of other tests may still be leaving)
    waitForLogLine(ann, "in", line -> line.matches("\\d+ online in lobby: .*"));
    String users = log(ann, "in").stream().filter(l -> l.contains(" online in lobby: ")).findFirst().orElseThrow();
    assertTrue(users.contains(annName) && users.contains(benName), users);
    String usersJson = rawJson(ann, users);
    assertTrue(usersJson.startsWith("{\"room\":\"lobby\",\"users\":[{\"id\":"), usersJson);
    assertTrue(usersJson.endsWith("\"online\":" + users.split(" ")[0] + "}"), usersJson);

    type(ann, "temp");
    waitForLogLine(ann, "in", line -> line.matches("-?\\d+\\.\\d °C at \\d{2}:\\d{2}"));
    String tempLine = log(ann, "in").stream().filter(l -> l.contains("°C")).findFirst().orElseThrow();
    assertTrue(rawJson(ann, tempLine).matches("\\{\"celsius\":-?[\\d.]+,\"at\":\"[^\"]+\"}"), tempLine);

    type(ann, "{\"cmd\":\"id\",\"id\":7}");
    waitForLogLine(ann, "in", line -> line.matches("Your session id is [\\w-]+\\."));

    type(ann, "join no room");
    waitForLogLine(ann, "error", line -> line.startsWith("join failed: ") && line.endsWith(")"));
    assertFalse(log(ann, "error").stream().anyMatch(line -> line.startsWith("{")), () -> log(ann, "error").toString());
  }

  @Test
  void aTypedCommandGetsItsReplyInTheLog() {
    openPage(ann);
    type(ann, "hello");
    waitForLogLine(ann, "in", line -> line.startsWith("Hello, guest-"));
    assertTrue(log(ann, "out").contains("hello"));

    ann.findElement(By.cssSelector("#chips .chip[data-command='date']")).click();
    waitForLogLine(ann, "in", line -> line.matches("\\d{4}-\\d{2}-\\d{2}"));

    ann.findElement(By.id("line")).sendKeys("time");
    ann.findElement(By.id("send")).click();
    waitForLogLine(ann, "in", line -> line.matches("\\d{2}:\\d{2}:\\d{2}"));
    assertEquals("", ann.findElement(By.id("line")).getAttribute("value"));

    type(ann, "dance");
    waitForLogLine(ann, "error", line -> line.contains("dance") && line.contains("help"));

    // A JSON envelope typed by hand gets its reply shown, in words, the envelope one click away.
    type(ann, "{\"cmd\":\"thanks\",\"id\":99}");
    waitForLogLine(ann, "in", line -> line.startsWith("You're welcome, guest-"));
    assertTrue(rawJson(ann, "You're welcome").startsWith("{\"re\":99,\"cmd\":\"thanks\",\"data\":\"You're welcome"));

    // ArrowUp and ArrowDown walk back and forth through what was typed.
    WebElement line = ann.findElement(By.id("line"));
    line.sendKeys(Keys.ARROW_UP, Keys.ARROW_UP);
    assertEquals("dance", line.getAttribute("value"));
    line.sendKeys(Keys.ARROW_UP, Keys.ARROW_UP);
    assertEquals("hello", line.getAttribute("value"));
    line.sendKeys(Keys.ARROW_DOWN);
    assertEquals("time", line.getAttribute("value"));
    line.sendKeys(Keys.ARROW_DOWN, Keys.ARROW_DOWN);
    assertEquals("{\"cmd\":\"thanks\",\"id\":99}", line.getAttribute("value"));
    line.sendKeys(Keys.ARROW_DOWN);
    assertEquals("", line.getAttribute("value"));
  }

  @Test
  void theUsersListFollowsJoinsAndLeaves() {
    openPage(ann);
    rename(ann, "Alma");
    type(ann, "join attic");
    waitUntil(ann, b -> users(b).equals(List.of("Alma")));

    openPage(ben);
    rename(ben, "Bert");
    type(ben, "join attic");
    waitUntil(ann, b -> users(b).equals(List.of("Alma", "Bert")));
    waitUntil(ben, b -> users(b).equals(List.of("Alma", "Bert")));
    assertEquals("2", ann.findElement(By.id("user-count")).getText());

    // Bert leaves. Chromium keeps his page in its back/forward cache, so only the page's own
    // pagehide handling closes the connection and lets the server announce the leave.
    ben.get("about:blank");
    waitUntil(ann, b -> users(b).equals(List.of("Alma")));
    waitForLogLine(ann, "notice", "Bert left attic."::equals);

    // Back to the page, restored from the cache: it reconnects, as a new guest in the lobby.
    ben.navigate().back();
    waitForLogLine(ben, "system", "Connected again."::equals);
    waitUntil(ben, ChatPageBrowserTest::listsItself);
    assertEquals("lobby", ben.findElement(By.id("room")).getText());
  }

  @Test
  void aScriptTypedAsAChatLineShowsAsText() {
    openPage(ann);
    openPage(ben);
    type(ann, "join cellar");
    type(ben, "join cellar");
    waitUntil(ben, b -> users(b).size() == 2);
    String hostile =
        "<script>window.injected = 1</script><img src=x onerror=\"window.injected ="
            + " 2\"><b>bold</b>";
    type(ann, "say " + hostile);
    waitForLogLine(ben, "chat", hostile::equals);
    rename(ann, "<i>Mallory</i>");
    waitUntil(ben, b -> users(b).contains("<i>Mallory</i>"));

    assertEquals(null, ben.executeScript("return window.injected;"));
    assertEquals(
        0L,
        ben.executeScript(
            "return document.querySelectorAll('#log script, #log img, #log b, #log i, #users"
                + " i').length;"));

    // And were some text ever put in as HTML, the page's Content-Security-Policy forbids inline
    // scripts: one added to the page does not run.
    ben.executeScript(
        "const s = document.createElement('script');"
            + " s.textContent = 'window.inlineRan = true'; document.body.append(s);");
    assertEquals(null, ben.executeScript("return window.inlineRan;"));
  }

  @Test
  void thePageReconnectsByItselfAfterTheServerRestarts() {
    openPage(ann);
    server.stop(Duration.ofSeconds(2));
    waitUntil(ann, b -> !"open".equals(b.findElement(By.id("status")).getAttribute("data-state")));
    waitForLogLine(ann, "system", line -> line.startsWith("Reconnecting in"));

    startServer(port);
    waitUntil(ann, b -> "open".equals(b.findElement(By.id("status")).getAttribute("data-state")));
    waitForLogLine(ann, "system", "Connected again."::equals);
    // A new session on the new server: welcomed again, and the page works as before.
    waitUntil(ann, ChatPageBrowserTest::listsItself);
    type(ann, "thanks");
    waitForLogLine(ann, "in", line -> line.startsWith("You're welcome"));
  }

  @Test
  void quitSaysByeAndStaysOfflineUntilReconnect() {
    openPage(ann);
    ann.findElement(By.id("quit")).click();
    waitForLogLine(ann, "in", line -> line.startsWith("Goodbye, "));
    waitUntil(ann, b -> "closed".equals(b.findElement(By.id("status")).getAttribute("data-state")));
    assertTrue(
        log(ann, "system").stream().noneMatch(line -> line.startsWith("Reconnecting")),
        () -> log(ann, "system").toString());

    ann.findElement(By.id("reconnect")).click();
    waitUntil(ann, b -> "open".equals(b.findElement(By.id("status")).getAttribute("data-state")));
    waitUntil(ann, ChatPageBrowserTest::listsItself);
  }
}
