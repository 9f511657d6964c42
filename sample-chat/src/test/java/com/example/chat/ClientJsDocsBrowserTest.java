package com.example.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.undertow.SwitchboardServer;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The examples of docs/client-js.md, taken from the Markdown as printed and run in real headless
 * Chromium against the sample chat, which is what the page says they talk to. Since the blocks
 * themselves are run, the page cannot drift from what is tested; a new block fails {@link
 * #everyBlockOfThePageIsRunHere} until a test runs it.
 */
class ClientJsDocsBrowserTest {

  private static final Path PAGE = Path.of("..", "docs", "client-js.md");

  @TempDir static Path staticFiles;
  private static Chromium chromium;
  private static ChromeDriver browser;
  private static SwitchboardServer server;

  @BeforeAll
  static void start() throws Exception {
    chromium = Chromium.startOrSkip();
    // The page's first example is a page: served as a file "under web/", as the doc suggests.
    Path example = staticFiles.resolve("web/docs/example.html");
    Files.createDirectories(example.getParent());
    Files.writeString(example, CONSOLE_RECORDER + blocks("html").get(0));
    ClassLoader withExample =
        new URLClassLoader(new URL[] {staticFiles.toUri().toURL()}, ClientJsDocsBrowserTest.class.getClassLoader());
    server =
        Main.configure(ChatOptions.parse("--port", "0", "--host", "127.0.0.1"))
            .shutdownHook(false)
            .classLoader(withExample)
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

  /** Collects what the page's scripts log, for the test to read; goes before the example. */
  private static final String CONSOLE_RECORDER =
      "<script>window.logged = []; console.log = (...parts) => logged.push(parts.join(' '));</script>\n";

  @Test
  void everyBlockOfThePageIsRunHere() throws IOException {
    assertEquals(1, blocks("html").size());
    assertEquals(7, blocks("js").size(), "the js blocks: the signature, then six examples run below");
  }

  @Test
  void theExamplePageLogsPushesStatesAndReplies() {
    browser.get(origin() + "/docs/example.html");

    Map<String, Object> result =
        run("""
            await new Promise((resolve) => {
              const check = () => logged.some((line) => line.endsWith(': hello, everyone')) ? resolve() : setTimeout(check, 20);
              check();
            });
            return {logged: logged};
            """);

    String logged = String.valueOf(result.get("logged"));
    assertTrue(logged.contains("connection is open"), logged);
    assertTrue(logged.matches(".*\\b\\d+ here.*"), logged);
    assertTrue(logged.matches(".*guest-\\d+: hello, everyone.*"), logged);
  }

  @Test
  void callsResolveWithTheirRepliesAndTakeAPerCallTimeout() throws IOException {
    Map<String, Object> result = runBlock(1, "return {id: id, time: time, celsius: reading.celsius};");

    assertTrue(String.valueOf(result.get("id")).length() > 8, result::toString);
    assertTrue(String.valueOf(result.get("time")).matches("\\d\\d:\\d\\d:\\d\\d"), result::toString);
    assertTrue(result.get("celsius") instanceof Number, result::toString);
  }

  @Test
  void anErrorReplyCarriesCodePathAndMessage() throws IOException {
    Map<String, Object> result = runBlock(2, "return {logged: logged};");

    String logged = String.valueOf(result.get("logged"));
    String printed = blocks("js").get(2).replaceAll("(?s).*// (bad_request [^\\n]*?)….*", "$1");
    // The first block's listeners log too, and its own chat line may land after this block began.
    assertTrue(logged.contains(printed), logged + " has no line as printed: " + printed);
  }

  @Test
  void onReturnsTheFunctionThatRemovesTheListener() throws IOException {
    // The block adds a listener and removes it at once; a push delivered now reaches no one.
    Map<String, Object> result =
        runBlock(3, "chat._emit('temp', [{celsius: 21.4}]); chat.close(); return {logged: logged};");

    assertEquals(List.of(), result.get("logged"));
  }

  @Test
  void theSamplePagesOptionsAreAccepted() throws IOException {
    Map<String, Object> result =
        runBlock(4, "await chat.call('hello'); chat.close(); return {state: chat.state};");

    assertEquals("closed", result.get("state"));
  }

  @Test
  void aReconnectedConnectionSetsItsRoomUpAgain() throws IOException {
    Map<String, Object> result =
        runBlock(
            5,
            """
            await chat.call('hello');
            const reopened = new Promise((resolve) => chat.on('open', resolve));
            chat.reconnect();
            await reopened;
            const users = await chat.call('users');   // the join of the open listener went first
            chat.close();
            return {room: users.room};
            """);

    assertEquals("kitchen", result.get("room"));
  }

  @Test
  void theHelpersAnswerAsPrinted() throws IOException {
    String block = blocks("js").get(6);
    browser.get(origin() + "/docs/example.html");
    List<Object> values = new ArrayList<>();
    for (String line : block.lines().toList()) {
      values.add(run("return {value: " + line.substring(0, line.indexOf(';')) + "};").get("value"));
    }

    assertEquals("ws://127.0.0.1:" + server.port() + "/chat", values.get(0));
    assertTrue(block.contains("\"ws://localhost:8080/chat\" on http://localhost:8080/"), block);
    long delay = ((Number) values.get(1)).longValue();
    assertTrue(delay >= 1000 && delay <= 2000, "delay " + delay);
    assertTrue(block.contains("between 1000 and 2000"), block);
  }

  /**
   * Runs js block {@code index} of the page in an async function, with a connection {@code chat}
   * to the sample's /chat declared first when the block does not connect itself, then {@code
   * check}; console.log lines are collected in {@code logged}.
   */
  private static Map<String, Object> runBlock(int index, String check) throws IOException {
    browser.get(origin() + "/docs/example.html");
    String block = blocks("js").get(index);
    String connect = block.contains("const chat = Switchboard.connect(") ? "" : "const chat = Switchboard.connect('/chat');\n";
    return run("logged.length = 0;\n" + connect + block + "\n" + check);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> run(String body) {
    Object result =
        browser.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "(async () => {" + body + "})().then("
                + "  (value) => done(value === undefined ? {} : value),"
                + "  (error) => done({thrown: String(error && error.stack || error)}));");
    Map<String, Object> map = (Map<String, Object>) result;
    assertNull(map.get("thrown"), () -> "the script threw: " + map.get("thrown"));
    return map;
  }

  private static String origin() {
    return "http://127.0.0.1:" + server.port();
  }

  /** The fenced blocks of one language in docs/client-js.md, indented ones too, in page order. */
  private static List<String> blocks(String language) throws IOException {
    Matcher fence =
        Pattern.compile("^( *)```" + language + "\\n(.*?)^\\1```", Pattern.DOTALL | Pattern.MULTILINE)
            .matcher(Files.readString(PAGE));
    List<String> blocks = new ArrayList<>();
    while (fence.find()) {
      blocks.add(fence.group(2).replaceAll("(?m)^" + fence.group(1), ""));
    }
    return blocks;
  }
}
