package io.switchboard.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.test.ErrorReplyException;
import io.switchboard.test.WsTestClient;
import io.switchboard.undertow.SwitchboardServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * docs/operations.md's metrics section against a server configured as it says: its dependency is
 * this module, its command line sets the path its scrape job scrapes, every meter of its table is
 * in the scrape, and every series its queries and alert rules name exists there.
 */
class OperationsPageTest {

  private static final Pattern FENCE =
      Pattern.compile("^```(\\w*)\\n(.*?)^```", Pattern.DOTALL | Pattern.MULTILINE);
  private static final Pattern SERIES = Pattern.compile("switchboard_\\w+");

  @Test
  void theMetricsSectionNamesWhatTheScrapeServes() throws Exception {
    String section = section("## Metrics");
    Map<String, List<String>> blocks = blocks(section);
    assertEquals(List.of("xml", "", "yaml", "promql"), List.copyOf(blocks.keySet()), "the section's blocks");
    assertTrue(blocks.get("xml").get(0).contains("<artifactId>switchboard-micrometer</artifactId>"));

    String path = blocks.get("").get(0).strip().replaceFirst("^SWITCHBOARD_METRICS_PATH=(\\S+) .*", "$1");
    assertTrue(blocks.get("yaml").get(0).contains("metrics_path: " + path), "the scrape job scrapes " + path);

    try (SwitchboardServer server = MetricsScrapeTest.server().metricsPath(path).start();
        WsTestClient client = WsTestClient.connect(URI.create("ws://127.0.0.1:" + server.port() + "/metered"))) {
      client.call("hello");
      try {
        client.call("refuse");
      } catch (ErrorReplyException expected) {
        // an error, so that the error series exist
      }
      // A session that closes and an upgrade that is refused, so that their series exist.
      URI uri = URI.create("ws://127.0.0.1:" + server.port() + "/metered");
      WsTestClient.connect(uri).close();
      try {
        WsTestClient.builder(uri).origin("https://evil.example").connect();
      } catch (RuntimeException expected) {
        // refused: 403
      }
      Set<String> scraped = MetricsScrapeTest.awaitScrape(server, "switchboard_sessions_closed_total{code=1000,endpoint=/metered}", 1.0)
          .keySet().stream()
          .map(sample -> sample.replaceFirst("\\{.*", ""))
          .collect(Collectors.toCollection(TreeSet::new));

      for (String meter : tableMeters(section)) {
        String name = meter.replace('.', '_');
        assertTrue(scraped.stream().anyMatch(series -> series.startsWith(name)), meter + " is not scraped: " + scraped);
      }
      List<String> named = new ArrayList<>();
      named.addAll(series(blocks.get("promql").get(0)));
      named.addAll(series(blocks.get("yaml").get(1)));
      assertTrue(named.size() >= 10, "the queries and rules name series");
      for (String series : named) {
        assertTrue(scraped.contains(series), series + " is not a scraped series: " + scraped);
      }
    }
  }

  private static List<String> tableMeters(String section) {
    List<String> meters = new ArrayList<>();
    Matcher row = Pattern.compile("(?m)^\\| `(switchboard\\.[\\w.]+)` \\|").matcher(section);
    while (row.find()) {
      meters.add(row.group(1));
    }
    assertEquals(13, meters.size(), "the meter table");
    return meters;
  }

  private static List<String> series(String text) {
    List<String> names = new ArrayList<>();
    Matcher name = SERIES.matcher(text);
    while (name.find()) {
      names.add(name.group());
    }
    return names;
  }

  private static String section(String heading) throws Exception {
    String page = Files.readString(Path.of("..", "docs", "operations.md"));
    int start = page.indexOf("\n" + heading + "\n");
    assertTrue(start >= 0, "operations.md has no " + heading);
    int end = page.indexOf("\n## ", start + heading.length() + 1);
    return page.substring(start, end < 0 ? page.length() : end);
  }

  private static Map<String, List<String>> blocks(String markdown) {
    Map<String, List<String>> blocks = new LinkedHashMap<>();
    Matcher fence = FENCE.matcher(markdown);
    while (fence.find()) {
      blocks.computeIfAbsent(fence.group(1), language -> new ArrayList<>()).add(fence.group(2));
    }
    return blocks;
  }
}
