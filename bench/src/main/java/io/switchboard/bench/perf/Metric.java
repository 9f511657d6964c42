package io.switchboard.bench.perf;

import static io.switchboard.bench.perf.Column.JSR_356;
import static io.switchboard.bench.perf.Column.NON_BLOCKING;
import static io.switchboard.bench.perf.Column.RAW_UNDERTOW;
import static io.switchboard.bench.perf.Column.SWITCHBOARD;

import java.util.List;
import java.util.function.DoubleFunction;

/**
 * One row of the comparison table: what is measured, which column the others are divided by, and
 * the target for it.
 */
enum Metric {
  ECHO_RATE("echo 50 × 16, 32 B: msgs/s", RAW_UNDERTOW, Metric::rate, true,
      "≥ 0.95× raw Undertow", Goal.atLeast(SWITCHBOARD, 0.95)),
  ECHO_CPU("same: server CPU per message", RAW_UNDERTOW, Metric::micros, true,
      "≤ 1.1× raw Undertow", Goal.atMost(SWITCHBOARD, 1.1)),
  ECHO_P50("echo 1 × 1: p50 latency", RAW_UNDERTOW, Metric::micros, true,
      "≤ 1.5× raw Undertow, ≤ 1.1× @NonBlocking", Goal.atMost(SWITCHBOARD, 1.5),
      Goal.atMost(NON_BLOCKING, 1.1)),
  ECHO_4K_RATE("echo 4 KiB, 50 × 16: msgs/s", RAW_UNDERTOW, Metric::rate, true,
      "≥ 1.0× raw Undertow", Goal.atLeast(SWITCHBOARD, 1.0)),
  COMMAND_CPU("JSON command 50 × 16: server CPU per message", JSR_356, Metric::micros, true,
      "≤ 1.0× JSR-356 default, ≤ 0.8× @NonBlocking",
      Goal.atMost(SWITCHBOARD, 1.0), Goal.atMost(NON_BLOCKING, 0.8)),
  COMMAND_RATE("same: msgs/s", JSR_356, Metric::rate, true, "—"),
  COMMAND_P50("JSON command 1 × 1: p50 latency", JSR_356, Metric::micros, true,
      "≤ 1.5× JSR-356 default", Goal.atMost(SWITCHBOARD, 1.5)),
  IDLE_RSS("idle: server RSS per connection, after GC", RAW_UNDERTOW, Metric::bytes, true,
      "≤ 1.1× raw Undertow", Goal.atMost(SWITCHBOARD, 1.1)),
  IDLE_HEAP("same: Java heap in use per connection, after GC", RAW_UNDERTOW, Metric::bytes, true,
      "report"),
  STARTUP("start-up to the first accepted handshake", RAW_UNDERTOW, Metric::millis, true, "—"),
  /** Raw Undertow's column here: its starts right before each start of the sample jar. */
  STARTUP_SAMPLE("same, sample jar, plain `java -jar`", RAW_UNDERTOW, Metric::millis, true,
      "≤ 1.0× raw Undertow", Goal.atMost(SWITCHBOARD, 1.0)),
  STARTUP_CDS("same, sample jar with an AppCDS archive", STARTUP_SAMPLE, Metric::millis, true,
      "report"),
  STARTUP_AOT("same, sample jar with JDK 25's AOT cache and C1 only", STARTUP_SAMPLE, Metric::millis,
      true, "report"),
  STARTUP_AOT_JLINK("same, AOT cache on a runtime of the jar's modules (`jlink`)", STARTUP_SAMPLE,
      Metric::millis, true, "< 300 ms", Goal.absolute(SWITCHBOARD, 300)),
  BROADCAST_P99("broadcast 1,000 × 50/s: p99", RAW_UNDERTOW, Metric::millis, true,
      "≤ 0.8× raw Undertow", Goal.atMost(SWITCHBOARD, 0.8)),
  BROADCAST_LOST("same: deliveries lost", RAW_UNDERTOW, Metric::count, false,
      "0", Goal.absolute(SWITCHBOARD, 0)),
  MANY_P99("broadcast 10,000 × 10/s: p99", RAW_UNDERTOW, Metric::millis, true, "report"),
  MANY_LOST("same: deliveries lost", RAW_UNDERTOW, Metric::count, false, "report");

  /** A bound on one column: a ratio to the baseline, or an absolute figure. */
  record Goal(Column column, double bound, boolean atLeast, boolean ratio) {
    static Goal atLeast(Column column, double ratio) {
      return new Goal(column, ratio, true, true);
    }

    static Goal atMost(Column column, double ratio) {
      return new Goal(column, ratio, false, true);
    }

    static Goal absolute(Column column, double atMost) {
      return new Goal(column, atMost, false, false);
    }

    /** Whether the figures meet it; null where a figure is missing. */
    Boolean met(Double value, Double baseline) {
      if (value == null || (ratio && (baseline == null || baseline == 0))) {
        return null;
      }
      double figure = ratio ? value / baseline : value;
      return atLeast ? figure >= bound : figure <= bound;
    }
  }

  final String title;
  final Column baseline;
  /** The row the baseline's figure is read from: this one, or the one above it. */
  private final Metric baselineRow;
  final DoubleFunction<String> format;
  /** Whether the other columns show their ratio to the baseline, not only their figure. */
  final boolean ratios;
  final String target;
  final List<Goal> goals;

  Metric(String title, Column baseline, DoubleFunction<String> format, boolean ratios, String target,
      Goal... goals) {
    this(title, null, baseline, format, ratios, target, goals);
  }

  /** A row whose figures are compared with the baseline's figure in {@code baselineRow}. */
  Metric(String title, Metric baselineRow, DoubleFunction<String> format, boolean ratios,
      String target, Goal... goals) {
    this(title, baselineRow, baselineRow.baseline, format, ratios, target, goals);
  }

  Metric(String title, Metric baselineRow, Column baseline, DoubleFunction<String> format,
      boolean ratios, String target, Goal... goals) {
    this.title = title;
    this.baselineRow = baselineRow;
    this.baseline = baseline;
    this.format = format;
    this.ratios = ratios;
    this.target = target;
    this.goals = List.of(goals);
  }

  Metric baselineRow() {
    return baselineRow == null ? this : baselineRow;
  }

  static String rate(double perSecond) {
    return perSecond >= 1000 ? String.format("%.1fk/s", perSecond / 1000) : String.format("%.0f/s", perSecond);
  }

  static String micros(double micros) {
    return String.format("%.1f µs", micros);
  }

  static String millis(double millis) {
    return millis >= 100 ? String.format("%.0f ms", millis) : String.format("%.1f ms", millis);
  }

  static String bytes(double bytes) {
    return String.format("%.1f KB", bytes / 1024);
  }

  static String count(double count) {
    return String.format("%,.0f", count);
  }
}
