package io.switchboard.bench.fanout;

import java.time.Duration;
import java.util.List;

/**
 * The cross-node fan-out run's settings, from {@code --name value} arguments; every one has a
 * default, the figures of the cluster issue.
 *
 * @param client {@code undertow} (default) or {@code jdk}: the WebSocket client of the client JVMs
 * @param subscribers subscribers of each scenario (1,000), split evenly over the cluster's nodes
 * @param rate broadcasts per second (50)
 * @param duration how long each measured phase broadcasts (20 s)
 * @param warmup broadcasts of each scenario before the first round, left out of the verdict (3 s)
 * @param rounds how many times the scenarios take turns (3); the verdict takes the medians
 * @param drainWait how long after its last broadcast a phase waits for the last delivery; later
 *     deliveries count as lost (10 s)
 * @param clientJvmOptions options of each client JVM ({@code --client-jvm "-Xmx1g"})
 * @param history with a count (0, off), the cluster also broadcasts to a room that keeps that many
 *     pushes in Redis, in a third scenario, to weigh what history costs across nodes
 */
record ClusterFanOutOptions(
    String client,
    int subscribers,
    int rate,
    Duration duration,
    Duration warmup,
    int rounds,
    Duration drainWait,
    List<String> clientJvmOptions,
    int history) {

  static ClusterFanOutOptions parse(String... args) {
    OptionArgs given = new OptionArgs(args);
    ClusterFanOutOptions options =
        new ClusterFanOutOptions(
            given.text("client", "undertow"),
            given.number("subscribers", 1000),
            given.positive("rate", 50),
            given.positiveSeconds("seconds", 20),
            given.seconds("warmup-seconds", 3),
            given.positive("rounds", 3),
            given.seconds("drain-seconds", 10),
            given.words("client-jvm", "-Xmx1g"),
            given.number("history", 0));
    given.rejectUnknown();
    if (options.subscribers < 2) {
      throw new IllegalArgumentException("--subscribers must be at least 2 (one per node)");
    }
    return options;
  }

  /** Broadcasts of one measured phase. */
  int broadcasts() {
    return (int) (rate * duration.toSeconds());
  }

  /** Broadcasts of one warm-up phase. */
  int warmupBroadcasts() {
    return (int) (rate * warmup.toSeconds());
  }

  Duration period() {
    return Duration.ofNanos(1_000_000_000L / rate);
  }
}
