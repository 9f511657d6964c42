package io.switchboard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.bench.codec.Databind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns JMH's JSON result ({@code -rf json}) into the table of {@code docs/performance.md}: each
 * generated benchmark next to its databind twin, as medians of the measurement iterations (less
 * sensitive than the mean to an iteration disturbed by other work on a small machine), their
 * ratio, JMH's mean ± 99.9% error, and bytes allocated per operation.
 *
 * <p>Usage: {@code java -cp switchboard-bench.jar io.switchboard.bench.JmhSummary jmh.json}
 */
public final class JmhSummary {

  /** One benchmark's figures. */
  private record Result(double median, double score, double error, String unit, double bytesPerOp) {

    static Result of(JsonNode benchmark) {
      JsonNode primary = benchmark.get("primaryMetric");
      List<Double> iterations = new ArrayList<>();
      for (JsonNode fork : primary.get("rawData")) {
        fork.forEach(value -> iterations.add(value.asDouble()));
      }
      JsonNode allocation = benchmark.path("secondaryMetrics").path("gc.alloc.rate.norm");
      return new Result(
          median(iterations),
          primary.get("score").asDouble(),
          primary.get("scoreError").asDouble(),
          primary.get("scoreUnit").asText(),
          allocation.isMissingNode() ? Double.NaN : allocation.get("score").asDouble());
    }

    private static double median(List<Double> values) {
      double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      int middle = sorted.length / 2;
      return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    String scoreWithError() {
      return String.format("%.1f ± %.1f", score, error);
    }

    String bytes() {
      return Double.isNaN(bytesPerOp) ? "–" : String.format("%.0f", bytesPerOp);
    }
  }

  private JmhSummary() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: JmhSummary <jmh result .json>");
      System.exit(2);
    }
    Map<String, Result[]> pairs = new LinkedHashMap<>(); // name → {generated, databind}
    for (JsonNode benchmark : Databind.MAPPER.readTree(Path.of(args[0]).toFile())) {
      String name = benchmark.get("benchmark").asText();
      name = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1); // Class.method
      int side = name.endsWith("Generated") ? 0 : 1;
      String operation = name.replaceFirst("(Generated|DatabindTree|Databind)$", "");
      pairs.computeIfAbsent(operation, k -> new Result[2])[side] = Result.of(benchmark);
    }
    System.out.println(
        "| benchmark | generated, median | databind, median | databind / generated |"
            + " generated, mean ± error | databind, mean ± error | B/op generated / databind |");
    System.out.println("|---|--:|--:|--:|--:|--:|--:|");
    pairs.forEach(
        (operation, sides) -> {
          Result generated = sides[0];
          Result databind = sides[1];
          if (generated == null || databind == null) {
            System.out.printf("| %s | (only one side was run: %s) |%n", operation, Arrays.toString(sides));
            return;
          }
          System.out.printf(
              "| %s | %.1f %s | %.1f %s | %.2f | %s | %s | %s / %s |%n",
              operation, generated.median, generated.unit, databind.median, databind.unit,
              databind.median / generated.median, generated.scoreWithError(),
              databind.scoreWithError(), generated.bytes(), databind.bytes());
        });
  }
}
