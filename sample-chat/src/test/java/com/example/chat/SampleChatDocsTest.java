package com.example.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.test.SwitchboardExtension;
import io.switchboard.test.WsTestClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The console sessions printed in docs/sample-chat.md, taken from the Markdown and played against
 * the chat as the jar runs it: what the page shows a user typing is sent, and what it shows coming
 * back must come back, the made-up parts (ids, the guest number, the time) aside.
 */
class SampleChatDocsTest {

  private static final Path PAGE = Path.of("..", "docs", "sample-chat.md");

  @RegisterExtension
  static final SwitchboardExtension app =
      SwitchboardExtension.of(() -> Main.configure(ChatOptions.parse()));

  @Test
  void theWebsocatSessionGoesAsPrinted() throws IOException {
    List<String> lines = block("$ websocat ws://localhost:8080/chat").lines().skip(1).toList();
    WsTestClient client = app.client("/chat");

    for (String line : lines) {
      if (isTyped(line)) {
        client.send(line);
      } else {
        assertMatches(printedAsPattern(line), awaitNotAbout(client, "joined", "left", "renamed", "temp"));
      }
    }
  }

  @Test
  void anUnknownCommandIsAnsweredAsPrinted() throws IOException {
    List<String> lines = block("dance\n").lines().toList();
    WsTestClient client = app.client("/chat");
    client.awaitEvent("welcome");

    client.send(lines.get(0));

    assertEquals(lines.get(1), awaitNonEvent(client));
  }

  @Test
  void bothFormsOfNameAndSayDoWhatThePageSays() throws IOException {
    List<String> lines = block("name Ada").lines().toList();
    String[] name = lines.get(0).split(" {2,}");
    String[] say = lines.get(1).split(" {2,}");
    WsTestClient text = app.client("/chat");
    WsTestClient json = app.client("/chat");
    text.awaitEvent("welcome");
    json.awaitEvent("welcome");

    text.send(name[0]);
    assertEquals("You are now Ada.", awaitNonEvent(text));
    text.send(say[0]);
    assertEquals("hello, everyone", text.awaitEvent("chat").path("text").asText());

    json.send(name[1].replace("Ada", "Bea")); // Ada is taken now
    String reply = "{\"re\":1,\"cmd\":\"name\",\"data\":\"You are now Ada.\"}";
    assertTrue(Files.readString(PAGE).contains("`" + reply + "`"), "the page shows the reply " + reply);
    assertEquals(reply.replace("Ada", "Bea"), awaitNonEvent(json));
    json.send(say[1]);
    assertEquals("hello, everyone", json.awaitEvent("chat").path("text").asText());
    assertEquals("{\"re\":2,\"cmd\":\"say\"}", awaitNonEvent(json));
  }

  /** A line the page shows the user typing: a command word, or an envelope with {@code cmd}. */
  private static boolean isTyped(String line) {
    return line.startsWith("{\"cmd\"") || line.matches("[a-z]+( .*)?");
  }

  /** The printed line as a pattern: {@code …} is any id, and the guest number and time any. */
  private static String printedAsPattern(String line) {
    return Pattern.quote(line)
        .replace("…", "\\E[^\"]+\\Q")
        .replace("guest-1", "\\Eguest-\\d+\\Q")
        .replace("13:14:15", "\\E\\d\\d:\\d\\d:\\d\\d\\Q");
  }

  /** The next message that is not a push: a reply. */
  private static String awaitNonEvent(WsTestClient client) {
    String message = client.awaitText();
    while (message.startsWith("{\"event\":")) {
      message = client.awaitText();
    }
    return message;
  }

  /**
   * The next message but pushes of these events, which other clients of the shared server (of
   * other tests) cause at any moment and the page's session does not show.
   */
  private static String awaitNotAbout(WsTestClient client, String... events) {
    while (true) {
      String message = client.awaitText();
      if (Arrays.stream(events).noneMatch(event -> message.startsWith("{\"event\":\"" + event + "\""))) {
        return message;
      }
    }
  }

  private static void assertMatches(String regex, String actual) {
    assertTrue(actual.matches(regex), actual + " does not match " + regex);
  }

  /** The plain fenced block of the page that starts with {@code start}. */
  private static String block(String start) throws IOException {
    Matcher fence = Pattern.compile("^```\\n(.*?)^```", Pattern.DOTALL | Pattern.MULTILINE)
        .matcher(Files.readString(PAGE));
    List<String> blocks = new ArrayList<>();
    while (fence.find()) {
      blocks.add(fence.group(1));
    }
    return blocks.stream().filter(block -> block.startsWith(start)).findFirst()
        .orElseThrow(() -> new AssertionError("no block starting " + start + " in " + PAGE));
  }
}
