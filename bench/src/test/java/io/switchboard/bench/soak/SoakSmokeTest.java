package io.switchboard.bench.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The soak run in miniature: its own server JVM, 50 members for a few seconds, the flooder and the
 * slow reader. It checks the accounting and who was cut off, never a speed or a heap figure.
 */
class SoakSmokeTest {

  @Test
  void everyLineReachesItsRoomAndOnlyTheFlooderAndTheSlowReaderAreCutOff() throws Exception {
    SoakReport report =
        Soak.run(SoakOptions.parse(
            "--connections", "50", "--room-size", "10", "--seconds", "6", "--say-every-seconds", "1",
            "--shout-every-millis", "500", "--heap-samples", "2", "--drain-seconds", "30",
            "--server-jvm", "-Xmx256m"));
    report.print(System.out);

    assertTrue(report.lines() > 0 && report.shouts() > 0, "nothing was said");
    assertEquals(0, report.missing(), "every line to every member of its room, every shout to all");
    assertEquals(Map.of(), report.problems(), "no error reply, no stray message, no close");
    assertNotNull(report.flooderClosedWith(), "the flooder was not cut off");
    assertTrue(report.flooderClosedWith().startsWith("1008 rate limit exceeded"), report.flooderClosedWith());
    assertEquals(1, report.slowConsumerCloses(), "the slow reader, and only it, closed as a slow consumer");
    assertEquals(51, report.openAtEnd(), "every member and the feeder still connected");
    assertEquals(null, report.feederClosedWith(), "the feeder, below the limits, was not cut off");
    assertEquals(4, report.heap().size(), "heap read at the start, twice between, at the end");
    assertTrue(report.passed());
  }

  @Test
  void theCommandOfTheOperationsPageNamesOptionsTheRunKnows() throws Exception {
    String page = Files.readString(Path.of("..", "docs", "operations.md"));
    String section = page.substring(page.indexOf("\n## Soak\n"));
    Matcher command = Pattern.compile("\n```bash\nbench/run.sh soak (.*)\n```").matcher(section);
    assertTrue(command.find(), "operations.md's Soak section shows no bench/run.sh soak command");
    SoakOptions options = SoakOptions.parse(command.group(1).split(" "));
    assertEquals(2000, options.connections());
    assertEquals(600, options.duration().toSeconds());
  }
}
