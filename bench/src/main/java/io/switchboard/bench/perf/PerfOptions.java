package io.switchboard.bench.perf;

import io.switchboard.bench.fanout.OptionArgs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The comparison's settings, from {@code --name value} arguments; the defaults are the issue's
 * scenarios, bounded to about 10 minutes in all.
 *
 * @param repeats runs of every scenario, of which the median counts (3)
 * @param warmup load before each measured window, left out (2 s)
 * @param window each request-reply scenario's measured window (4 s)
 * @param idleConnections connections held open for the memory figure (10,000)
 * @param broadcast how long each broadcast scenario publishes (5 s)
 * @param subscribers the first broadcast scenario's subscribers (1,000) and rate (50/s) ...
 * @param manySubscribers ... and the second's (10,000 at 10/s)
 * @param selectors the load generator's selector threads (1)
 * @param serverJvm options of every bench server's JVM
 * @param sampleJar the sample application's jar, started with plain {@code java -jar}
 * @param jsrJar the JSR-356 baseline's jar ({@code bench-jsr356}), which runs on an Undertow of its
 *     own
 * @param aotJdk a JDK 25 or newer, whose AOT cache gives the sample jar its fastest start
 *     ({@code --aot-jdk PATH}; found on the machine when not given, {@code none} for none); null
 *     for none
 * @param parts which parts run: {@code request-reply}, {@code startup}, {@code idle}, {@code
 *     broadcast} (all of them)
 * @param workload when given, only the request-reply workloads whose title contains it (for
 *     example {@code "echo 50 × 16, 32 B"} or {@code "JSON"}): a profile of one scenario
 * @param jfr a folder for a JFR recording (profile settings) of each request-reply server run and
 *     of each broadcast's server, or null for none
 */
record PerfOptions(
    int repeats,
    Duration warmup,
    Duration window,
    int idleConnections,
    Duration broadcast,
    int subscribers,
    int rate,
    int manySubscribers,
    int manyRate,
    int selectors,
    List<String> serverJvm,
    Path sampleJar,
    Path jsrJar,
    Path aotJdk,
    List<String> parts,
    String workload,
    Path jfr) {

  static final List<String> PARTS = List.of("request-reply", "startup", "idle", "broadcast");

  boolean runs(String part) {
    return parts.contains(part);
  }

  /** Whether {@code --workload} leaves {@code candidate} in the run. */
  boolean runs(Workload candidate) {
    return workload == null || candidate.title().contains(workload);
  }

  private static Path aotJdk(String given) {
    if (given == null) {
      return AotJdk.find();
    }
    return given.equals("none") ? null : Path.of(given);
  }

  static PerfOptions parse(String... args) {
    OptionArgs given = new OptionArgs(args);
    PerfOptions options =
        new PerfOptions(
            given.positive("repeats", 3),
            given.seconds("warmup-seconds", 2),
            given.positiveSeconds("seconds", 4),
            given.positive("idle-connections", 10_000),
            given.positiveSeconds("broadcast-seconds", 5),
            given.positive("subscribers", 1_000),
            given.positive("rate", 50),
            given.positive("many-subscribers", 10_000),
            given.positive("many-rate", 10),
            given.positive("selectors", 1),
            given.words("server-jvm", "-Xmx1g"),
            Path.of(given.text("sample-jar", "sample-chat/target/switchboard-sample-chat.jar")),
            Path.of(given.text("jsr-jar", "bench-jsr356/target/switchboard-bench-jsr356.jar")),
            aotJdk(given.text("aot-jdk", null)),
            List.of(given.text("parts", String.join(",", PARTS)).split(",")),
            given.text("workload", null),
            given.text("jfr", "").isEmpty() ? null : Path.of(given.text("jfr", "")));
    given.rejectUnknown();
    if (!PARTS.containsAll(options.parts())) {
      throw new IllegalArgumentException("--parts: a comma-separated list of " + PARTS);
    }
    return options;
  }
}
