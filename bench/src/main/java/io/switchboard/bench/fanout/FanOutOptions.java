package io.switchboard.bench.fanout;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
    List<String> clientJvmOptions) {

  static FanOutOptions parse(String... args) {
    Map<String, String> given = new HashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      if (!args[i].startsWith("--") || i + 1 == args.length) {
        throw new IllegalArgumentException("expected --name value pairs, got: " + String.join(" ", args));
      }
      given.put(args[i].substring(2), args[i + 1]);
    }
    FanOutOptions options =
        new FanOutOptions(
            given.getOrDefault("client", "undertow"),
            Integer.parseInt(given.getOrDefault("subscribers", "1000")),
            Integer.parseInt(given.getOrDefault("rate", "50")),
            Duration.ofSeconds(Long.parseLong(given.getOrDefault("seconds", "20"))),
            Duration.ofSeconds(Long.parseLong(given.getOrDefault("warmup-seconds", "3"))),
            Integer.parseInt(given.getOrDefault("idle-subscribers", "10000")),
            Integer.parseInt(given.getOrDefault("idle-rounds", "2")),
            Duration.ofSeconds(Long.parseLong(given.getOrDefault("drain-seconds", "10"))),
            List.of(given.getOrDefault("client-jvm", "-Xmx2g").trim().split("\\s+")));
    given.keySet().removeAll(
        List.of("client", "subscribers", "rate", "seconds", "warmup-seconds", "idle-subscribers",
            "idle-rounds", "drain-seconds", "client-jvm"));
    if (!given.isEmpty()) {
      throw new IllegalArgumentException("unknown options: " + given.keySet());
    }
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
