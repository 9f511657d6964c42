package io.switchboard.bench.fanout;

import java.time.Duration;
import java.util.List;

/**
 * The fan-out run's settings, from {@code --name value} arguments; every one has a default, the
 * issue's targets.
 *
 * @param client {@code undertow} (default) or {@code jdk}: the WebSocket client of the client JVM
 * @param subscribers scenario (a): listening subscribers (1,000)
 * @param rate scenario (a): broadcasts per second (50)
 * @param duration scenario (a): how long each push mode broadcasts (20 s)
 * @param warmup broadcasts of each push mode before scenario (a), left out of the verdicts (3 s)
 * @param idleSubscribers scenario (b): subscribers that receive one broadcast (10,000)
 * @param idleRounds scenario (b): how many times each push mode sends its one broadcast (2)
 * @param drainWait how long after its last broadcast a phase waits for the last delivery; later
 *     deliveries count as lost (10 s)
 * @param clientJvmOptions options of the client JVM ({@code --client-jvm "-Xmx1g -XX:+UseG1GC"})
 * @param history with {@code --history N}, two more push modes: to a room of everyone that keeps
 *     its last N pushes, and to one that keeps none (0: off)
 */
record FanOutOptions(
    String client,
    int subscribers,
    int rate,
    Duration duration,
    Duration warmup,
    int idleSubscribers,
    int idleRounds,
    Duration drainWait,
    List<String> clientJvmOptions,
    int history) {

  static FanOutOptions parse(String... args) {
    OptionArgs given = new OptionArgs(args);
    FanOutOptions options =
        new FanOutOptions(
            given.text("client", "undertow"),
            given.positive("subscribers", 1000),
            given.positive("rate", 50),
            given.positiveSeconds("seconds", 20),
            given.seconds("warmup-seconds", 3),
            given.positive("idle-subscribers", 10_000),
            given.positive("idle-rounds", 2),
            given.seconds("drain-seconds", 10),
            given.words("client-jvm", "-Xmx2g"),
            given.number("history", 0));
    given.rejectUnknown();
    if (options.idleSubscribers < options.subscribers) {
      throw new IllegalArgumentException("--idle-subscribers must be at least --subscribers");
    }
    return options;
  }

  /** Broadcasts of one push mode in scenario (a). */
  int broadcasts() {
    return (int) (rate * duration.toSeconds());
  }

  Duration period() {
    return Duration.ofNanos(1_000_000_000L / rate);
  }
}
