package io.switchboard.bench.perf;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Every figure of a run, by row and column; each cell is the median of its runs. Prints the
 * Markdown table of {@code docs/performance.md}: the baseline's figure, the others' ratio to it,
 * the target and whether it is met.
 */
final class Comparison {

  private final Map<Metric, Map<Column, List<Double>>> samples = new EnumMap<>(Metric.class);
  private final List<String> errors = new ArrayList<>();

  void add(Metric metric, Column column, double value) {
    samples
        .computeIfAbsent(metric, m -> new EnumMap<>(Column.class))
        .computeIfAbsent(column, c -> new ArrayList<>())
        .add(value);
  }

  void error(String what) {
    errors.add(what);
    System.out.println("ERROR " + what);
  }

  List<String> errors() {
    return errors;
  }

  /** The median of a cell's runs, or null where nothing was measured. */
  Double median(Metric metric, Column column) {
    List<Double> values = samples.getOrDefault(metric, Map.of()).get(column);
    if (values == null || values.isEmpty()) {
      return null;
    }
    List<Double> sorted = values.stream().sorted().toList();
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }

  /** The baseline's figure that a row's ratios divide by. */
  private Double baseline(Metric metric) {
    return median(metric.baselineRow(), metric.baseline);
  }

  /** Whether every target with figures is met; a target without figures counts as missed. */
  boolean allMet() {
    for (Metric metric : Metric.values()) {
      for (Metric.Goal goal : metric.goals) {
        if (!Boolean.TRUE.equals(goal.met(median(metric, goal.column()), baseline(metric)))) {
          return false;
        }
      }
    }
    return true;
  }

  /** The table's first line, the columns' titles; docs/performance.md shows the same. */
  static String header() {
    StringBuilder header = new StringBuilder("| metric |");
    for (Column column : Column.values()) {
      header.append(' ').append(column.title).append(" |");
    }
    return header + " target | met |";
  }

  void print(PrintStream out) {
    out.println();
    out.println(header());
    out.println("| --- |" + " --- |".repeat(Column.values().length) + " --- | --- |");
    for (Metric metric : Metric.values()) {
      if (!samples.containsKey(metric)) {
        continue;
      }
      StringBuilder row = new StringBuilder("| ").append(metric.title).append(" |");
      Double baseline = baseline(metric);
      for (Column column : Column.values()) {
        row.append(' ').append(cell(metric, median(metric, column), baseline, column)).append(" |");
      }
      row.append(' ').append(metric.target).append(" | ").append(verdict(metric, baseline)).append(" |");
      out.println(row);
    }
    out.println();
    if (!errors.isEmpty()) {
      out.println(errors.size() + " measurement(s) had errors; their figures are not to be trusted:");
      errors.forEach(e -> out.println("  " + e));
    }
  }

  private static String cell(Metric metric, Double value, Double baseline, Column column) {
    if (value == null) {
      return "—";
    }
    String figure = metric.format.apply(value);
    if ((column == metric.baseline && metric.baselineRow() == metric) || !metric.ratios || baseline == null || baseline == 0) {
      return figure;
    }
    return String.format("%.2f× (%s)", value / baseline, figure);
  }

  private String verdict(Metric metric, Double baseline) {
    if (metric.goals.isEmpty()) {
      return "";
    }
    List<String> verdicts = new ArrayList<>();
    for (Metric.Goal goal : metric.goals) {
      Boolean met = goal.met(median(metric, goal.column()), baseline);
      verdicts.add(met == null ? "no figure" : met ? "yes" : "**no**");
    }
    return String.join(", ", verdicts);
  }
}
