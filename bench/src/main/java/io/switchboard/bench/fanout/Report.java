package io.switchboard.bench.fanout;

import java.util.List;
import java.util.function.ToDoubleFunction;

/** Prints the fan-out results: one line per phase as it ends, then a Markdown table. */
final class Report {

  private Report() {}

  static void line(PhaseReport r) {
    System.out.printf(
        "%-11s %-23s %,6d subscribers x %,5d broadcasts: %,d/%,d delivered, %,d lost, %,d out of"
            + " order, %,d stray, %,d subscribers closed (%,d as slow consumers);"
            + " latency ms p50 %.2f p99 %.2f p99.9 %.2f max %.2f; cores busy:"
            + " server %.2f, clients %.2f, other processes %.2f%n",
        r.scenario(), r.mode(), r.subscribers(), r.sent().broadcasts(), r.received(), r.expected(),
        r.lost(), r.outOfOrder(), r.stray(), r.closed(), r.slowConsumerCloses(),
        r.percentileMillis(50), r.percentileMillis(99), r.percentileMillis(99.9), r.maxMillis(),
        r.cpu().serverCores(), r.cpu().clientCores(), r.cpu().otherCores());
  }

  static void table(List<PhaseReport> reports) {
    System.out.println();
    System.out.println(
        "| scenario | push mode | subscribers | broadcasts | delivered | lost |"
            + " slow-consumer closes | p50 ms | p99 ms | p99.9 ms | max ms | push call p50 / max µs |"
            + " sender alloc / broadcast | JSON encodes | cores: server / clients / others |");
    System.out.println("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
    for (PhaseReport r : reports) {
      PacedSender.Cost sent = r.sent();
      System.out.printf(
          "| %s | %s | %,d | %,d | %,d | %,d | %,d | %.2f | %.2f | %.2f | %.2f | %,d / %,d | %s |"
              + " %,d | %.2f / %.2f / %.2f |%n",
          r.scenario(), r.mode(), r.subscribers(), sent.broadcasts(), r.received(), r.lost(),
          r.slowConsumerCloses(), r.percentileMillis(50), r.percentileMillis(99),
          r.percentileMillis(99.9), r.maxMillis(),
          sent.callMicros().getValueAtPercentile(50), sent.callMicros().getMaxValue(),
          bytes(sent.allocatedBytes() / sent.broadcasts()), sent.encodes(),
          r.cpu().serverCores(), r.cpu().clientCores(), r.cpu().otherCores());
    }
    System.out.println();
  }

  /**
   * Prints whether every encode-once phase of a scenario met the target (the figure under the
   * limit, nothing lost or out of order), with the baseline's phases alongside for comparison.
   */
  static boolean verdict(
      String target,
      List<PhaseReport> reports,
      String figureName,
      ToDoubleFunction<PhaseReport> figureMillis,
      double limitMillis) {
    boolean met = true;
    StringBuilder phases = new StringBuilder();
    for (PhaseReport r : reports) {
      if (r.mode().equals(EncodeOnce.NAME)) {
        met &= figureMillis.applyAsDouble(r) < limitMillis && r.lost() == 0 && r.outOfOrder() == 0;
      }
      phases.append(
          String.format(
              "%n    %s, %s: %s %.2f ms, %,d lost",
              r.scenario(), r.mode(), figureName, figureMillis.applyAsDouble(r), r.lost()));
    }
    System.out.printf(
        "target %s: %s (by the encode-once phases)%s%n", target, met ? "MET" : "MISSED", phases);
    return met;
  }

  private static String bytes(long bytes) {
    return bytes < 10_240 ? bytes + " B" : String.format("%,d KB", bytes / 1_024);
  }
}
