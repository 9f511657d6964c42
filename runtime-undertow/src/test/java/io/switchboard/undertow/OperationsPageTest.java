package io.switchboard.undertow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchboard.undertow.testing.TestEndpoint;
import io.switchboard.undertow.testing.TestServers;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/operations.md's health section as printed: its environment configures a server, and the
 * probe paths of its Kubernetes block answer the JSON it shows. (The metrics section is run by
 * switchboard-micrometer's tests.)
 */
class OperationsPageTest {

  private static final Pattern FENCE =
      Pattern.compile("^```(\\w*)\\n(.*?)^```", Pattern.DOTALL | Pattern.MULTILINE);

  @Test
  void theHealthSectionIsWhatTheServerAnswers() throws Exception {
    Map<String, List<String>> blocks = blocks(section("## Health"));
    assertEquals(List.of("", "json", "yaml"), List.copyOf(blocks.keySet()), "the section's blocks");

    String command = blocks.get("").get(0).strip();
    Map<String, String> environment = new LinkedHashMap<>();
    for (String word : command.split(" ")) {
      if (word.startsWith("SWITCHBOARD_")) {
        environment.put(word.substring(0, word.indexOf('=')), word.substring(word.indexOf('=') + 1));
      }
    }
    String healthPath = new ServerBuilder(new Settings(Map.of(), environment)).config().healthPath();

    try (SwitchboardServer server = TestServers.builder(new TestEndpoint()).healthPath(healthPath).start()) {
      List<String> probes = new ArrayList<>();
      Matcher path = Pattern.compile("path: (\\S+),").matcher(blocks.get("yaml").get(0));
      while (path.find()) {
        probes.add(path.group(1));
      }
      assertEquals(List.of("/health/live", "/health/ready"), probes);
      assertEquals(200, get(server, probes.get(0)).statusCode());
      HttpResponse<String> ready = get(server, probes.get(1));
      assertEquals(200, ready.statusCode());
      assertEquals(blocks.get("json").get(0).strip(), ready.body());
    }
  }

  /** The text of docs/operations.md from {@code heading} to the next heading of its level. */
  static String section(String heading) throws IOException {
    String page = Files.readString(Path.of("..", "docs", "operations.md"));
    int start = page.indexOf("\n" + heading + "\n");
    assertEquals(true, start >= 0, "operations.md has no " + heading);
    int end = page.indexOf("\n## ", start + heading.length() + 1);
    return page.substring(start, end < 0 ? page.length() : end);
  }

  /** The fenced blocks of some Markdown, by language, in order. */
  static Map<String, List<String>> blocks(String markdown) {
    Map<String, List<String>> blocks = new LinkedHashMap<>();
    Matcher fence = FENCE.matcher(markdown);
    while (fence.find()) {
      blocks.computeIfAbsent(fence.group(1), language -> new ArrayList<>()).add(fence.group(2));
    }
    return blocks;
  }

  private static HttpResponse<String> get(SwitchboardServer server, String path) throws Exception {
    return HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
