package io.switchboard.bench.fanout;

import io.switchboard.bench.fanout.ClusterFanOut.Measured;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Prints the cross-node results: Redis's share of each cluster phase as it ends, then the rounds
 * side by side, their medians and the verdict.
 */
final class ClusterReport {

  private ClusterReport() {}

  static void redisLine(Measured m) {
    System.out.printf(
        "%-11s redis: %,d PUBLISH for %,d broadcasts (%.3f per broadcast), %.3f cores;"
            + " %,d pushes dropped by node A's bus%n",
        m.report().scenario(), m.redis().publishes(), m.report().sent().broadcasts(),
        m.publishesPerBroadcast(), m.redis().cores(), m.dropped());
  }

  /**
   * Prints the rounds and their medians, and whether the cluster met its targets: median p99 at
   * most {@code p99RatioLimit} times the single node's, nothing lost or out of order, nothing
   * dropped, one {@code PUBLISH} per broadcast. A subscriber closed before a phase began (by a
   * missed pong, say) misses every broadcast of it: those count as lost too.
   *
   * @param subscribers how many each phase was meant to reach
   */
  static boolean verdict(
      List<Measured> single, List<Measured> cluster, int subscribers, double p99RatioLimit) {
    System.out.println(
        "| round | scenario | p50 ms | p99 ms | max ms | lost | out of order |"
            + " PUBLISH / broadcast | Redis cores | others' cores (Redis included) |");
    System.out.println("|--:|---|--:|--:|--:|--:|--:|--:|--:|--:|");
    for (int i = 0; i < single.size(); i++) {
      row(i + 1, "single node", single.get(i));
      row(i + 1, "cluster, 2 nodes", cluster.get(i));
    }
    System.out.println();

    double singleP99 = median(single, m -> m.report().percentileMillis(99));
    double clusterP99 = median(cluster, m -> m.report().percentileMillis(99));
    double ratio = clusterP99 / singleP99;
    System.out.printf(
        "medians of %d rounds: single node p50 %.2f p99 %.2f max %.2f ms;"
            + " cluster p50 %.2f p99 %.2f max %.2f ms; cluster / single p99 %.2f%n",
        single.size(),
        median(single, m -> m.report().percentileMillis(50)), singleP99,
        median(single, m -> m.report().maxMillis()),
        median(cluster, m -> m.report().percentileMillis(50)), clusterP99,
        median(cluster, m -> m.report().maxMillis()), ratio);
    System.out.printf(
        "Redis per cluster phase: median %.3f PUBLISH per broadcast, median %.3f cores%n",
        median(cluster, Measured::publishesPerBroadcast), median(cluster, m -> m.redis().cores()));

    long lost = 0;
    long outOfOrder = 0;
    long dropped = 0;
    double worstPublishes = 0;
    for (Measured m : cluster) {
      long closedBefore = subscribers - m.report().subscribers();
      lost += m.report().lost() + closedBefore * m.report().sent().broadcasts();
      outOfOrder += m.report().outOfOrder();
      dropped += m.dropped();
      worstPublishes = Math.max(worstPublishes, m.publishesPerBroadcast());
    }
    boolean latencyMet = ratio <= p99RatioLimit && lost == 0 && outOfOrder == 0 && dropped == 0;
    boolean publishesMet = worstPublishes <= 1.0;
    System.out.printf(
        "target cluster p99 <= %.0fx the single node's (medians of the same run), nothing lost:"
            + " %s (%.2fx; %,d lost, %,d out of order, %,d dropped)%n",
        p99RatioLimit, latencyMet ? "MET" : "MISSED", ratio, lost, outOfOrder, dropped);
    System.out.printf(
        "target one PUBLISH per broadcast, whatever the number of subscribers: %s"
            + " (at most %.3f per broadcast)%n",
        publishesMet ? "MET" : "MISSED", worstPublishes);
    return latencyMet && publishesMet;
  }

  private static void row(int round, String scenario, Measured m) {
    PhaseReport r = m.report();
    String redis = m.redis() == null
        ? "– | –"
        : String.format("%.3f | %.3f", m.publishesPerBroadcast(), m.redis().cores());
    System.out.printf(
        "| %d | %s | %.2f | %.2f | %.2f | %,d | %,d | %s | %.2f |%n",
        round, scenario, r.percentileMillis(50), r.percentileMillis(99), r.maxMillis(), r.lost(),
        r.outOfOrder(), redis, r.cpu().otherCores());
  }

  /** The median of a figure over phases (the mean of the middle two for an even count). */
  /**
   * The history scenario against the cluster's plain broadcast of the same rounds: p99 within
   * {@link #HISTORY_P99_RATIO_LIMIT} of it (the single-node target of the history issue), nothing
   * lost, out of order or dropped.
   */
  static boolean historyVerdict(List<Measured> plain, List<Measured> history) {
    double plainP99 = median(plain, m -> m.report().percentileMillis(99));
    double historyP99 = median(history, m -> m.report().percentileMillis(99));
    long lost = 0;
    long outOfOrder = 0;
    long dropped = 0;
    for (Measured m : history) {
      lost += m.report().lost();
      outOfOrder += m.report().outOfOrder();
      dropped += m.dropped();
    }
    double ratio = historyP99 / plainP99;
    boolean met = ratio <= HISTORY_P99_RATIO_LIMIT && lost == 0 && outOfOrder == 0 && dropped == 0;
    System.out.printf(
        "cluster, room with history in Redis: median p50 %.2f p99 %.2f ms, %.2fx the plain"
            + " broadcast's p99; Redis %.3f cores; target <= %.1fx, nothing lost: %s (%,d lost, %,d"
            + " out of order, %,d dropped)%n",
        median(history, m -> m.report().percentileMillis(50)), historyP99, ratio,
        median(history, m -> m.redis().cores()), HISTORY_P99_RATIO_LIMIT, met ? "MET" : "MISSED",
        lost, outOfOrder, dropped);
    return met;
  }

  static final double HISTORY_P99_RATIO_LIMIT = 1.2;

  static double median(List<Measured> phases, ToDoubleFunction<Measured> figure) {
    double[] values = phases.stream().mapToDouble(figure).sorted().toArray();
    int middle = values.length / 2;
    return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
  }
}
