package io.switchboard.bench.soak;

import io.switchboard.bench.fanout.OptionArgs;
import java.time.Duration;
import java.util.List;

/**
 * The soak run's settings, from {@code --name value} arguments; the defaults are the full run.
 *
 * @param connections chat members (2,000), in rooms of {@code roomSize} (50)
 * @param duration how long they chat (600 s); the flooder and the slow reader come in after a third
 * @param sayEvery how often each member says a line to its room (20 s)
 * @param shoutEvery how often one member, in turn, shouts to everyone ({@code toAll}) (1 s)
 * @param heapSamples how many times the server's heap after GC is read during the chat, besides
 *     at the start and the end (10)
 * @param drainWait how long after the chat the run waits for the last deliveries and cut-offs (30 s)
 * @param maxQueuedBytes the server's {@code max-queued-bytes} (64 KiB): the slow reader's limit
 * @param floodPerSecond what the flooder sends (5,000/s: 5 times the default {@code rate-limit}, 1,000/s)
 * @param feedPerSecond the feeder's 4 KB lines to the slow reader (100/s, well below the limit)
 * @param serverJvm options of the server JVM
 */
record SoakOptions(
    int connections,
    int roomSize,
    Duration duration,
    Duration sayEvery,
    Duration shoutEvery,
    int heapSamples,
    Duration drainWait,
    long maxQueuedBytes,
    int floodPerSecond,
    int feedPerSecond,
    List<String> serverJvm) {

  static SoakOptions parse(String... args) {
    OptionArgs given = new OptionArgs(args);
    SoakOptions options =
        new SoakOptions(
            given.number("connections", 2000),
            given.number("room-size", 50),
            given.seconds("seconds", 600),
            given.seconds("say-every-seconds", 20),
            Duration.ofMillis(given.number("shout-every-millis", 1000)),
            given.number("heap-samples", 10),
            given.seconds("drain-seconds", 30),
            given.number("max-queued-bytes", 64 * 1024),
            given.number("flood-per-second", 5_000),
            given.number("feed-per-second", 100),
            given.words("server-jvm", "-Xmx512m"));
    given.rejectUnknown();
    return options;
  }

  int rooms() {
    return Math.max(1, (connections + roomSize - 1) / roomSize);
  }
}
