package io.switchboard.bench.perf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.HdrHistogram.Histogram;

/**
 * The side-by-side comparison of issue 13, in one bounded run on loopback: raw Undertow, JSR-356
 * with Jackson databind, and Switchboard, each in its own JVM, under the same load generator in
 * this one. Per repeat every server is started (its start-up to the first accepted upgrade is
 * timed) and every request-reply workload runs against it; then the sample jar's start-up, plain
 * (each start right after one more of raw Undertow), with an AppCDS archive made on the spot and,
 * given a JDK 25, with its AOT cache made by the sample's training run, on the whole JDK and on a
 * runtime of the jar's modules only; then idle connections' memory; then broadcasts through the
 * relay endpoints, each as many times as the request-reply workloads. Prints a line per
 * measurement and, at the end, the table.
 *
 * <p>Exit status: 0 when every target was met, 3 when one was not, 1 when a measurement had
 * errors (a refused upgrade, a lost or wrong reply, a closed connection).
 */
public final class Perf {

  private static final Duration UPGRADES = Duration.ofSeconds(60);
  private static final Duration DRAIN = Duration.ofSeconds(10);

  private final PerfOptions options;
  private final Comparison comparison = new Comparison();

  Perf(PerfOptions options) {
    this.options = options;
  }

  public static void main(String[] args) throws Exception {
    Comparison result = new Perf(PerfOptions.parse(args)).run();
    result.print(System.out);
    System.exit(!result.errors().isEmpty() ? 1 : result.allMet() ? 0 : 3);
  }

  Comparison run() throws Exception {
    boolean jsr356 = options.runs("request-reply") || options.runs("idle");
    if (jsr356 && !Files.isRegularFile(options.jsrJar())) {
      throw new IllegalArgumentException(
          "no JSR-356 baseline jar at " + options.jsrJar().toAbsolutePath() + " (--jsr-jar): build"
              + " it with mvn -pl bench -am package");
    }
    System.out.printf(
        "perf: %d CPUs, Java %s (%s); servers run with %s; %d repeat(s), %d s warm-up and %d s"
            + " measured per workload; load generator: %d selector thread(s) in pid %d%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
        System.getProperty("java.vm.name"), options.serverJvm(), options.repeats(),
        options.warmup().toSeconds(), options.window().toSeconds(), options.selectors(),
        ProcessHandle.current().pid());
    for (int repeat = 1; repeat <= options.repeats() && options.runs("request-reply"); repeat++) {
      for (BenchServer server : BenchServer.values()) {
        requestReply(server, repeat);
      }
    }
    if (options.runs("startup")) {
      sampleStartUp();
    }
    // Like every other figure, the median of the repeats, the servers taking turns.
    for (int repeat = 1; repeat <= options.repeats() && options.runs("idle"); repeat++) {
      for (Column column : List.of(Column.RAW_UNDERTOW, Column.JSR_356, Column.SWITCHBOARD)) {
        idle(column);
      }
    }
    if (options.runs("broadcast")) {
      broadcasts(options.subscribers(), options.rate(), Metric.BROADCAST_P99, Metric.BROADCAST_LOST);
      broadcasts(options.manySubscribers(), options.manyRate(), Metric.MANY_P99, Metric.MANY_LOST);
    }
    return comparison;
  }

  private ServerProcess startBench(Column column, String... moreJvmOptions) {
    List<String> jvm = new ArrayList<>(options.serverJvm());
    jvm.addAll(List.of(moreJvmOptions));
    jvm.addAll(column.server.loggingOptions());
    return ServerProcess.bench(
        column.title, column.server.mainClass, column.server.classPath(options), jvm);
  }

  /**
   * Starts one server and runs every workload of every column it serves; with {@code --jfr}, the
   * server records a profile of the whole run.
   */
  private void requestReply(BenchServer server, int repeat) throws Exception {
    List<Column> columns = List.of(Column.values()).stream().filter(c -> c.server == server).toList();
    String[] recording = recording(server.simpleName() + "-run" + repeat);
    try (ServerProcess process = startBench(columns.get(0), recording)) {
      Duration up = firstUpgrade(process, columns.get(0).echoPath, repeat);
      comparison.add(Metric.STARTUP, columns.get(0), up.toNanos() / 1e6);
      for (Workload workload : Workload.ALL) {
        if (!options.runs(workload)) {
          continue;
        }
        for (Column column : columns) {
          if (column.path(workload.kind()) != null) {
            measure(process, column, workload, repeat);
          }
        }
      }
    }
  }

  /**
   * With {@code --jfr}, the options that make a server record a profile of its whole life
   * ({@code settings=profile}), written to {@code <name>.jfr} when it stops; none without.
   */
  private String[] recording(String name) throws IOException {
    if (options.jfr() == null) {
      return new String[0];
    }
    Files.createDirectories(options.jfr());
    Path file = options.jfr().resolve(name + ".jfr");
    System.out.println("recording " + file);
    return new String[] {"-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + file};
  }

  private void measure(ServerProcess server, Column column, Workload workload, int repeat)
      throws IOException, InterruptedException {
    RequestReply traffic = workload.traffic(column);
    try (Load load =
        Load.connect(server.address(), column.path(workload.kind()), workload.connections(),
            options.selectors(), traffic, UPGRADES)) {
      load.start();
      pause(options.warmup());
      traffic.latencyNanos().reset();
      WindowCost atStart = WindowCost.reading(server);
      long start = System.nanoTime();
      pause(options.window());
      Histogram latency = traffic.latencyNanos().getIntervalHistogram();
      double seconds = (System.nanoTime() - start) / 1e9;
      WindowCost cost = WindowCost.reading(server).since(atStart);
      double generatorCores = cost.generatorCpuNanos() / 1e9 / seconds;
      traffic.stopSending();
      if (!await(() -> RequestReply.drained(load.connections()), DRAIN)) {
        load.error("replies still missing " + DRAIN.toSeconds() + " s after the last request");
      }
      long messages = latency.getTotalCount();
      if (messages == 0) {
        load.error("no reply in the measured window");
      }
      double perSecond = messages / seconds;
      double cpuMicros = messages == 0 ? 0 : cost.serverCpu().toNanos() / 1e3 / messages;
      double p50 = latency.getValueAtPercentile(50) / 1e3;
      System.out.printf(
          "%-24s run %d: %-22s %,9.0f msgs/s, server CPU %6.1f µs/msg, latency p50 %8.1f µs"
              + " p99 %8.1f µs; cores busy: server %.2f, load generator %.2f (GC %d ms); %d errors%n",
          column.title, repeat, workload.title(), perSecond, cpuMicros, p50,
          latency.getValueAtPercentile(99) / 1e3, cost.serverCpu().toNanos() / 1e9 / seconds,
          generatorCores, cost.generatorGcMillis(), load.errors());
      if (check(load, column, workload.title())) {
        record(workload, column, perSecond, cpuMicros, p50);
      }
    }
  }

  /** Files a workload's figures under the table's rows. */
  private void record(Workload workload, Column column, double perSecond, double cpuMicros, double p50) {
    if (workload == Workload.ECHO) {
      comparison.add(Metric.ECHO_RATE, column, perSecond);
      comparison.add(Metric.ECHO_CPU, column, cpuMicros);
    } else if (workload == Workload.ECHO_ONE) {
      comparison.add(Metric.ECHO_P50, column, p50);
    } else if (workload == Workload.ECHO_4K) {
      comparison.add(Metric.ECHO_4K_RATE, column, perSecond);
    } else if (workload == Workload.COMMAND) {
      comparison.add(Metric.COMMAND_CPU, column, cpuMicros);
      comparison.add(Metric.COMMAND_RATE, column, perSecond);
    } else if (workload == Workload.COMMAND_ONE) {
      comparison.add(Metric.COMMAND_P50, column, p50);
    }
  }

  /** Counts a measurement's errors; true when it had none and its figures count. */
  private boolean check(Load load, Column column, String what) {
    if (load.errors() == 0) {
      return true;
    }
    comparison.error(
        column.title + ", " + what + ": " + load.errors() + " error(s), the first: " + load.firstError());
    return false;
  }

  private void sampleStartUp() throws Exception {
    Path jar = options.sampleJar();
    if (!Files.isRegularFile(jar)) {
      System.out.println(
          "no sample jar at " + jar + " (mvn package builds it): its start-up rows stay empty");
      return;
    }
    for (int repeat = 1; repeat <= options.repeats(); repeat++) {
      // Raw Undertow starts right before each start of the sample, so that the two starts the
      // target compares see the same machine: its speed drifts over a run more than they differ.
      rawUndertowStart(repeat);
      sampleStart("sample jar", List.of(), Metric.STARTUP_SAMPLE, repeat);
    }
    Path folder = Files.createTempDirectory("switchboard-cds");
    Path archive = folder.resolve("sample-chat.jsa");
    try {
      // A dynamic AppCDS archive of the classes one start-up loads, written when the JVM exits.
      sampleStart("sample jar, archiving", List.of("-XX:ArchiveClassesAtExit=" + archive), null, 0);
      if (!Files.isRegularFile(archive)) {
        comparison.error("the sample jar wrote no class data archive at " + archive);
        return;
      }
      for (int repeat = 1; repeat <= options.repeats(); repeat++) {
        sampleStart("sample jar with AppCDS", List.of("-XX:SharedArchiveFile=" + archive),
            Metric.STARTUP_CDS, repeat);
      }
    } finally {
      Files.deleteIfExists(archive);
      Files.deleteIfExists(folder);
    }
    aotStartUp();
  }

  /**
   * The fast starts of docs/deployment.md on JDK 25, as printed there: the sample's training run
   * ({@code WarmUp}) writes the AOT cache, and the jar starts from it with C1 only; first on the
   * whole JDK, then on a runtime that {@code jlink} cut down to the jar's modules.
   */
  private void aotStartUp() throws Exception {
    Path jdk = options.aotJdk();
    if (jdk == null) {
      System.out.println("no JDK " + AotJdk.FIRST_VERSION + " or newer (--aot-jdk PATH, or AOT_JDK_HOME):"
          + " the AOT cache rows stay empty");
      return;
    }
    Path folder = Files.createTempDirectory("switchboard-aot");
    try {
      aotStartUp(jdk, "sample jar with AOT cache", Metric.STARTUP_AOT, folder);
      Path runtime;
      try {
        runtime = JarRuntime.link(jdk, options.sampleJar(), folder.resolve("runtime"));
      } catch (IOException e) {
        comparison.error(e.getMessage());
        return;
      }
      aotStartUp(runtime, "AOT cache, jlinked runtime", Metric.STARTUP_AOT_JLINK, folder);
    } finally {
      deleteTree(folder);
    }
  }

  /** The training run on the Java runtime at {@code home}, then the starts from its cache. */
  private void aotStartUp(Path home, String name, Metric metric, Path folder) throws Exception {
    String java = AotJdk.java(home).toString();
    Path cache = folder.resolve(metric.name().toLowerCase(Locale.ROOT) + ".aot");
    try {
      BoundedCommand.output(
          List.of(java, "-XX:AOTCacheOutput=" + cache, "-cp", options.sampleJar().toString(),
              "com.example.chat.WarmUp"),
          Duration.ofMinutes(2));
    } catch (IOException e) {
      comparison.error("the sample's training run on " + home + " failed: " + e.getMessage());
      return;
    }
    if (!Files.isRegularFile(cache)) {
      comparison.error("the sample's training run on " + home + " wrote no AOT cache");
      return;
    }
    for (int repeat = 1; repeat <= options.repeats(); repeat++) {
      sampleStart(java, name,
          List.of("-XX:AOTCache=" + cache, "-XX:AOTMode=on", "-XX:TieredStopAtLevel=1"), metric, repeat);
    }
  }

  private static void deleteTree(Path folder) throws IOException {
    try (var paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  /**
   * One start of raw Undertow, the baseline of the sample jar's: in its row, not in the bench
   * servers' start-up row, whose starts come between loads of other servers and vary more.
   */
  private void rawUndertowStart(int repeat) throws Exception {
    Column raw = Column.RAW_UNDERTOW;
    try (ServerProcess process = startBench(raw)) {
      comparison.add(Metric.STARTUP_SAMPLE, raw, firstUpgrade(process, raw.echoPath, repeat).toNanos() / 1e6);
    }
  }

  /** Waits for a server's first accepted upgrade; prints when it came and its CPU by thread. */
  private static Duration firstUpgrade(ServerProcess process, String path, int repeat) throws IOException {
    Duration up = process.awaitFirstUpgrade(path, UPGRADES);
    System.out.printf("%-24s run %d: first upgrade %d ms after the process started; %s%n",
        process.name(), repeat, up.toMillis(), process.threadCpu());
    return up;
  }

  private void sampleStart(String name, List<String> jvm, Metric metric, int repeat) throws Exception {
    sampleStart(ServerProcess.java(), name, jvm, metric, repeat);
  }

  private void sampleStart(String java, String name, List<String> jvm, Metric metric, int repeat)
      throws Exception {
    List<String> command = new ArrayList<>(List.of(java));
    command.addAll(jvm);
    command.addAll(
        List.of("-jar", options.sampleJar().toString(), "--host", "127.0.0.1", "--port", "{port}"));
    try (ServerProcess sample = ServerProcess.start(name, command)) {
      Duration up = firstUpgrade(sample, "/echo", repeat);
      if (metric != null) {
        comparison.add(metric, Column.SWITCHBOARD, up.toNanos() / 1e6);
      }
    }
  }

  /** Resident set size per idle connection: after a full collection, with and without them. */
  private void idle(Column column) throws Exception {
    int count = options.idleConnections();
    // A full collection leaves the heap's committed size just above what is live: the resident
    // set then grows with what the connections keep, not with the collector's slack.
    try (ServerProcess server =
        startBench(column, "-XX:MinHeapFreeRatio=5", "-XX:MaxHeapFreeRatio=10")) {
      server.awaitFirstUpgrade(column.echoPath, UPGRADES);
      server.gc();
      long heapBefore = server.gc();
      long before = server.settledRssBytes();
      try (Load load =
          Load.connect(server.address(), column.echoPath, count, options.selectors(), Traffic.IDLE, UPGRADES)) {
        load.start(); // answers pings, and notices a close
        server.gc();
        long heapAfter = server.gc();
        long after = server.settledRssBytes();
        double perConnection = (after - before) / (double) count;
        // The heap in use, next to it, tells the connections' objects from the rest of the
        // resident set (the socket's and the allocator's memory outside the heap).
        double heapPerConnection = (heapAfter - heapBefore) / (double) count;
        System.out.printf("%-24s %,d idle connections: RSS %,d KB before, %,d KB with them: %.1f KB each;"
                + " heap in use %.1f KB each%n",
            column.title, count, before / 1024, after / 1024, perConnection / 1024, heapPerConnection / 1024);
        if (check(load, column, "idle connections")) {
          comparison.add(Metric.IDLE_RSS, column, perConnection);
          comparison.add(Metric.IDLE_HEAP, column, heapPerConnection);
        }
      }
    }
  }

  /**
   * One broadcast scenario, repeated with the relays taking turns: its p99 is the median of the
   * repeats, its losses the sum of them (one repeat's loss must not hide behind two clean ones).
   */
  private void broadcasts(int subscribers, int rate, Metric p99, Metric lost) throws Exception {
    Map<Column, Long> missing = new EnumMap<>(Column.class);
    for (int repeat = 1; repeat <= options.repeats(); repeat++) {
      for (Column column : Column.values()) {
        if (column.relayPath != null) {
          Long repeatMissing = broadcast(column, subscribers, rate, p99, repeat);
          if (repeatMissing != null) {
            missing.merge(column, repeatMissing, Long::sum);
          }
        }
      }
    }
    missing.forEach((column, total) -> comparison.add(lost, column, total));
  }

  /**
   * One connection publishes through the relay; every connection, its own too, receives. Files the
   * p99 and returns how many deliveries were lost, or null when the run had errors.
   */
  private Long broadcast(Column column, int subscribers, int rate, Metric p99, int repeat)
      throws Exception {
    String name =
        column.server.simpleName() + "-broadcast" + subscribers + "x" + rate + "-run" + repeat;
    try (ServerProcess server = startBench(column, recording(name))) {
      server.awaitFirstUpgrade(column.relayPath, UPGRADES);
      Broadcasts traffic = new Broadcasts();
      try (Load load =
          Load.connect(server.address(), column.relayPath, subscribers, options.selectors(), traffic, UPGRADES)) {
        load.start();
        Connection publisher = load.connections().get(0);
        // A second of warm-up, which also lets the server finish registering every session.
        Broadcasts.publish(publisher, rate, rate);
        long warm = (long) rate * subscribers;
        await(() -> traffic.received() >= warm, DRAIN);
        traffic.latencyNanos().reset();
        long before = traffic.received();
        WindowCost atStart = WindowCost.reading(server);
        int count = (int) (rate * options.broadcast().toSeconds());
        Broadcasts.publish(publisher, count, rate);
        long expected = (long) count * subscribers;
        await(() -> traffic.received() - before >= expected, DRAIN);
        WindowCost cost = WindowCost.reading(server).since(atStart);
        long delivered = traffic.received() - before;
        Histogram latency = traffic.latencyNanos().getIntervalHistogram();
        long missing = Math.max(0, expected - delivered);
        double p99Millis = latency.getValueAtPercentile(99) / 1e6;
        System.out.printf(
            "%-24s broadcast %,d subscribers x %d/s for %d s: p50 %.2f ms, p99 %.2f ms, max %.2f ms,"
                + " %,d of %,d lost, server CPU %.2f µs per delivery, load generator GC %d ms%n",
            column.title, subscribers, rate, options.broadcast().toSeconds(),
            latency.getValueAtPercentile(50) / 1e6, p99Millis, latency.getMaxValue() / 1e6, missing,
            expected, cost.serverCpu().toNanos() / 1e3 / Math.max(1, delivered),
            cost.generatorGcMillis());
        if (!check(load, column, "broadcast to " + subscribers)) {
          return null;
        }
        comparison.add(p99, column, p99Millis);
        return missing;
      }
    }
  }

  /** A measured window or a warm-up: time passing, not an event awaited. */
  private static void pause(Duration duration) throws InterruptedException {
    Thread.sleep(duration.toMillis());
  }

  /** Polls a condition every millisecond until it holds or the timeout passes. */
  private static boolean await(BooleanSupplier condition, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
    }
    return true;
  }
}
