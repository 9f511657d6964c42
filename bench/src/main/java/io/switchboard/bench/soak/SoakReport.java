package io.switchboard.bench.soak;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * What a soak run saw, and its verdict: no error, every delivery made, the flooder closed with
 * 1008 and the slow reader cut off by the slow-consumer policy, every member still connected. The
 * heap series and its slope are reported, not judged: a trend is read by a person, over a run
 * long enough to show one.
 */
record SoakReport(
    SoakOptions options,
    List<HeapSample> heap,
    int members,
    long lines,
    long shouts,
    long missing,
    Map<String, Long> problems,
    long floodSent,
    String flooderClosedWith,
    long feedSent,
    String feederClosedWith,
    String slowReaderEnd,
    int openAtEnd,
    long slowConsumerCloses,
    long rateLimited) {

  /** The server's heap after a full GC, {@code seconds} into the run. */
  record HeapSample(double seconds, long bytes) {
    double mib() {
      return bytes / (1024.0 * 1024.0);
    }
  }

  boolean flooderCutOff() {
    return flooderClosedWith != null && flooderClosedWith.startsWith("1008 ");
  }

  /**
   * The only two cut off: the flooder by the rate limit, the slow reader by its queue; the members
   * and the feeder (who kept below the limit) still connected.
   */
  boolean onlyTroublemakersCutOff() {
    return flooderCutOff() && slowConsumerCloses == 1 && feederClosedWith == null
        && openAtEnd == members + 1 && problems.isEmpty();
  }

  boolean passed() {
    return missing == 0 && problems.isEmpty() && onlyTroublemakersCutOff();
  }

  /** Least-squares slope of heap after GC over time, in MiB per minute. */
  double heapSlopeMibPerMinute() {
    int n = heap.size();
    double meanX = heap.stream().mapToDouble(s -> s.seconds() / 60).average().orElse(0);
    double meanY = heap.stream().mapToDouble(HeapSample::mib).average().orElse(0);
    double num = 0;
    double den = 0;
    for (HeapSample s : heap) {
      double dx = s.seconds() / 60 - meanX;
      num += dx * (s.mib() - meanY);
      den += dx * dx;
    }
    return n < 2 || den == 0 ? 0 : num / den;
  }

  void print(PrintStream out) {
    out.printf("soak: %d members in %d rooms of %d, %d s, a line each every %d s, a shout every %d ms%n",
        members, options.rooms(), options.roomSize(), options.duration().toSeconds(),
        options.sayEvery().toSeconds(), options.shoutEvery().toMillis());
    out.printf("said %d lines to rooms and %d shouts to all; deliveries missing or doubled: %d%n",
        lines, shouts, missing);
    out.printf("members' problems (errors, unexpected messages or closes): %s%n",
        problems.isEmpty() ? "none" : problems);
    out.printf("flooder: sent %d lines, cut off with %s (server: %d messages refused by the rate limit)%n",
        floodSent, flooderClosedWith == null ? "nothing: still open" : flooderClosedWith, rateLimited);
    out.printf("feeder: sent %d lines of 4 KB to the slow reader's room, %s%n",
        feedSent, feederClosedWith == null ? "still connected" : "closed with " + feederClosedWith);
    out.printf("slow reader: server slow-consumer closes %d (close 1008 slow consumer); its socket, read at last: %s%n",
        slowConsumerCloses, slowReaderEnd);
    out.printf("connections open at the end: %d of %d (the members and the feeder)%n", openAtEnd, members + 1);
    out.println("server heap after GC (s, MiB):");
    for (HeapSample s : heap) {
      out.printf("  %6.0f  %7.1f%n", s.seconds(), s.mib());
    }
    HeapSample first = heap.get(0);
    HeapSample last = heap.get(heap.size() - 1);
    out.printf("heap: start %.1f MiB, end %.1f MiB, slope %+.2f MiB/min%n",
        first.mib(), last.mib(), heapSlopeMibPerMinute());
    out.println(passed() ? "PASSED: no error, every delivery made, only the flooder and the slow reader cut off"
        : "FAILED");
  }
}
