package io.switchboard.bench.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --parts}, {@code --workload} and {@code --jfr}: the profile of one scenario that
 * docs/performance.md's "Where the time goes" is made from. Only that workload runs, and every
 * request-reply server process and every broadcast's server leaves a flight recording.
 */
class PerfProfileTest {

  @Test
  void oneWorkloadRunsAndEveryServerLeavesAFlightRecording(@TempDir Path folder) throws Exception {
    PerfSmokeTest.requireJsrJar();
    Path recordings = folder.resolve("jfr");
    PerfOptions options =
        PerfOptions.parse(
            "--repeats", "1", "--warmup-seconds", "0", "--seconds", "1",
            "--parts", "request-reply,broadcast", "--workload", Workload.ECHO_ONE.title(),
            "--broadcast-seconds", "1", "--subscribers", "10", "--many-subscribers", "10",
            "--jfr", recordings.toString(), "--server-jvm", "-Xmx256m",
            "--jsr-jar", PerfSmokeTest.JSR_JAR.toString());

    Comparison result = new Perf(options).run();

    assertEquals(List.of(), result.errors(), "no measurement had an error");
    assertNotNull(result.median(Metric.ECHO_P50, Column.NON_BLOCKING), "the chosen workload ran");
    assertNull(result.median(Metric.ECHO_RATE, Column.SWITCHBOARD), "the other workloads did not");
    assertNull(result.median(Metric.IDLE_RSS, Column.SWITCHBOARD), "nor the other parts");
    assertNotNull(result.median(Metric.MANY_P99, Column.SWITCHBOARD), "but the broadcasts");
    long relays = Stream.of(Column.values()).filter(column -> column.relayPath != null).count();
    try (Stream<Path> files = Files.list(recordings)) {
      List<Path> jfr = files.filter(f -> f.toString().endsWith(".jfr")).sorted().toList();
      assertEquals(
          BenchServer.values().length + 2 * relays, jfr.size(),
          "one recording per request-reply server and per broadcast (two of each relay): " + jfr);
      for (Path file : jfr) {
        assertTrue(Files.size(file) > 0, file + " was written when the server stopped");
      }
    }
  }

  @Test
  void withoutTheFlagsEveryWorkloadRunsAndNothingIsRecorded() {
    PerfOptions options = PerfOptions.parse();
    assertNull(options.jfr());
    for (Workload workload : Workload.ALL) {
      assertTrue(options.runs(workload), workload.title());
    }
    assertEquals(PerfOptions.PARTS, options.parts());
  }

  @Test
  void aCountOfNoneIsRefusedBeforeAnythingRuns() {
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class, () -> PerfOptions.parse("--many-subscribers", "0"));
    assertEquals("--many-subscribers must be 1 or more, got 0", refused.getMessage());
    assertThrows(IllegalArgumentException.class, () -> PerfOptions.parse("--seconds", "0"));
    assertEquals(0, PerfOptions.parse("--warmup-seconds", "0").warmup().toSeconds());
  }
}
