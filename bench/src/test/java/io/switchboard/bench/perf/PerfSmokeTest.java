package io.switchboard.bench.perf;

import static io.switchboard.bench.perf.Column.JSR_356;
import static io.switchboard.bench.perf.Column.NON_BLOCKING;
import static io.switchboard.bench.perf.Column.RAW_UNDERTOW;
import static io.switchboard.bench.perf.Column.SWITCHBOARD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code bench/run.sh perf} in miniature: every scenario for about a second against every server,
 * each in its own JVM as in the real run. It asserts that nothing went wrong (every upgrade
 * accepted, every reply right and in order, nothing lost) and that every cell of the table got a
 * figure; never a speed.
 */
class PerfSmokeTest {

  /** The sample jar as the reactor builds it, before this module. */
  private static final Path SAMPLE_JAR = Path.of("../sample-chat/target/switchboard-sample-chat.jar");

  /** The JSR-356 baseline's jar, which the reactor packages before this module (it depends on it). */
  static final Path JSR_JAR = Path.of("../bench-jsr356/target/switchboard-bench-jsr356.jar");

  /**
   * Skips the calling test, loudly, when the JSR-356 baseline's jar is missing (a {@code mvn test}
   * stops before any module is packaged); under CI, fails it instead.
   */
  static void requireJsrJar() {
    if (Files.isRegularFile(JSR_JAR)) {
      return;
    }
    String missing = "no JSR-356 baseline jar at " + JSR_JAR.toAbsolutePath()
        + ": mvn verify (or package) of the reactor builds it; test skipped";
    warnOrFailUnderCi(missing);
    assumeTrue(false, missing);
  }

  /** Something a test needs from the build is missing: a failure under CI, a warning elsewhere. */
  private static void warnOrFailUnderCi(String missing) {
    if ("true".equals(System.getenv("CI"))) {
      fail(missing);
    }
    System.err.println("WARNING: " + missing);
  }

  private static final List<Column> ECHO_SERVERS = List.of(RAW_UNDERTOW, JSR_356, SWITCHBOARD);
  private static final List<Column> ECHO_ENDPOINTS = List.of(RAW_UNDERTOW, JSR_356, SWITCHBOARD, NON_BLOCKING);
  private static final List<Column> COMMAND_SERVERS = List.of(JSR_356, SWITCHBOARD, NON_BLOCKING);
  private static final List<Column> RELAYS = List.of(RAW_UNDERTOW, SWITCHBOARD);

  @Test
  void everyScenarioRunsAgainstEveryServerWithoutAnError() throws Exception {
    requireJsrJar();
    boolean sample = Files.isRegularFile(SAMPLE_JAR);
    if (!sample) {
      warnOrFailUnderCi("no sample jar at " + SAMPLE_JAR.toAbsolutePath()
          + ": build the reactor (mvn verify) to smoke-test its start-up rows too");
    }
    PerfOptions options =
        PerfOptions.parse(
            "--repeats", "1", "--warmup-seconds", "0", "--seconds", "1",
            "--idle-connections", "200", "--broadcast-seconds", "1",
            "--subscribers", "20", "--rate", "20", "--many-subscribers", "100", "--many-rate", "10",
            "--server-jvm", "-Xmx256m", "--sample-jar", SAMPLE_JAR.toString(),
            "--jsr-jar", JSR_JAR.toString());
    if (options.aotJdk() == null) {
      warnOrFailUnderCi("no JDK " + AotJdk.FIRST_VERSION + " or newer (AOT_JDK_HOME, or one under"
          + " /usr/lib/jvm): the AOT cache start-up rows are not smoke-tested");
    }

    Comparison result = new Perf(options).run();
    result.print(System.out);

    assertEquals(List.of(), result.errors(), "no measurement had an error");
    Map<Metric, List<Column>> cells = new java.util.EnumMap<>(Metric.class);
    for (Metric m : List.of(Metric.ECHO_RATE, Metric.ECHO_CPU, Metric.ECHO_P50, Metric.ECHO_4K_RATE)) {
      cells.put(m, ECHO_ENDPOINTS);
    }
    for (Metric m : List.of(Metric.IDLE_RSS, Metric.STARTUP)) {
      cells.put(m, ECHO_SERVERS);
    }
    for (Metric m : List.of(Metric.COMMAND_CPU, Metric.COMMAND_RATE, Metric.COMMAND_P50)) {
      cells.put(m, COMMAND_SERVERS);
    }
    for (Metric m : List.of(Metric.BROADCAST_P99, Metric.BROADCAST_LOST, Metric.MANY_P99, Metric.MANY_LOST)) {
      cells.put(m, RELAYS);
    }
    if (sample) {
      cells.put(Metric.STARTUP_SAMPLE, List.of(RAW_UNDERTOW, SWITCHBOARD));
      cells.put(Metric.STARTUP_CDS, List.of(SWITCHBOARD));
      if (options.aotJdk() != null) {
        cells.put(Metric.STARTUP_AOT, List.of(SWITCHBOARD));
        cells.put(Metric.STARTUP_AOT_JLINK, List.of(SWITCHBOARD));
      }
    }
    List<String> empty = new ArrayList<>();
    cells.forEach((metric, columns) -> columns.forEach(column -> {
      if (result.median(metric, column) == null) {
        empty.add(metric + " / " + column);
      }
    }));
    assertEquals(List.of(), empty, "cells without a figure");
    for (Column relay : RELAYS) {
      assertEquals(0, result.median(Metric.BROADCAST_LOST, relay), relay + ": nothing lost");
      assertEquals(0, result.median(Metric.MANY_LOST, relay), relay + ": nothing lost");
    }
    assertTrue(result.median(Metric.ECHO_RATE, SWITCHBOARD) > 0, "replies were counted");
  }

  /**
   * The page quotes a real run's table: the first table of its side-by-side section, the latest
   * run's, has the columns this bench prints and one row of figures for each of its metrics.
   */
  @Test
  void performanceMdShowsTheTableThisBenchPrints() throws Exception {
    String page = Files.readString(Path.of("..", "docs", "performance.md"));
    assertTrue(page.contains("bench/run.sh perf"), "the command");
    String section = page.substring(page.indexOf("## Side by side"));
    int header = section.indexOf(Comparison.header());
    assertTrue(header >= 0, "the columns: " + Comparison.header());
    List<String> rows = new ArrayList<>();
    for (String line : section.substring(header).lines().skip(2).toList()) {
      if (!line.startsWith("| ")) {
        break;
      }
      rows.add(line);
    }
    assertEquals(Metric.values().length, rows.size(), "one row per metric in the latest run: " + rows);
    for (Metric metric : Metric.values()) {
      assertTrue(
          rows.stream().anyMatch(row -> row.startsWith("| " + metric.title + " | ")),
          "the row " + metric.title);
    }
  }
}
