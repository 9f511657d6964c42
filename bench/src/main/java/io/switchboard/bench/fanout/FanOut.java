package io.switchboard.bench.fanout;

import com.example.bench.Tick;
import com.example.bench.TickerEndpoint;
import io.switchboard.bench.codec.Databind;
import io.switchboard.undertow.ServerBuilder;
import io.switchboard.undertow.Switchboard;
import io.switchboard.undertow.SwitchboardServer;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The fan-out load generator. In one run, bounded in count and time, on loopback only: it starts a
 * Switchboard server in this JVM and the subscribers in a second JVM ({@link LoadClients}), then
 *
 * <ol>
 *   <li>scenario (a): {@code --subscribers} (1,000) subscribers receive {@code --rate} (50)
 *       broadcasts/s for {@code --seconds} (20 s);
 *   <li>scenario (b): more subscribers connect, up to {@code --idle-subscribers} (10,000), and
 *       receive one broadcast, {@code --idle-rounds} (2) times;
 * </ol>
 *
 * each with Switchboard's encode-once broadcast and with the baseline that encodes every
 * recipient's copy with jackson-databind, taking turns. It prints delivery latency (HdrHistogram:
 * receive time minus the time the broadcast was due), lost and out-of-order deliveries, and the
 * sender's cost per broadcast, then stops the server and the client JVM.
 *
 * <p>Exit status: 0 when the encode-once runs met the targets of {@code docs/performance.md}, 3
 * when they did not, 1 on failure.
 */
public final class FanOut {

  private static final double STEADY_P99_TARGET_MILLIS = 50;
  private static final double IDLE_MAX_TARGET_MILLIS = 500;
  private static final String HISTORY_ON = "history-on";
  private static final String HISTORY_OFF = "history-off";

  private final FanOutOptions options;
  private final SwitchboardServer server;
  private final Audience clients;
  private final List<PushMode> modes;
  private final List<PhaseReport> reports = new ArrayList<>();

  private FanOut(FanOutOptions options, SwitchboardServer server, Audience clients) {
    this.options = options;
    this.server = server;
    this.clients = clients;
    List<PushMode> modes = new ArrayList<>(List.of(
        new EncodeOnce(server, TickerNode.PATH),
        new PerRecipientDatabind(server.sessions(TickerNode.PATH))));
    if (options.history() > 0) {
      modes.add(new ToRoom(server, TickerNode.PATH, HISTORY_OFF));
      modes.add(new ToRoom(server, TickerNode.PATH, HISTORY_ON));
    }
    this.modes = List.copyOf(modes);
  }

  public static void main(String[] args) throws Exception {
    // One log line per connection is the server's default; 11,000 of them would drown the report.
    System.setProperty(
        "org.slf4j.simpleLogger.defaultLogLevel",
        System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
    FanOutOptions options = FanOutOptions.parse(args);
    TickerEndpoint endpoint = new TickerEndpoint();
    ServerBuilder builder =
        Switchboard.server()
            .host("127.0.0.1")
            .port(0)
            .endpoint(endpoint)
            .maxConnections(options.idleSubscribers() + 100);
    if (options.history() > 0) {
      builder.roomHistory(HISTORY_ON, options.history(), Duration.ofMinutes(2));
    }
    SwitchboardServer server = builder.start();
    TickerNode node = new TickerNode(server, endpoint);
    boolean met;
    try (Audience clients =
        Audience.start(
            List.of(node), options.client(), options.clientJvmOptions(), options.period(),
            options.drainWait())) {
      try {
        met = new FanOut(options, server, clients).run();
      } finally {
        // Closes every session with 1001 while the clients are still there to answer.
        server.stop(Duration.ofSeconds(10));
      }
    } catch (Exception e) {
      e.printStackTrace();
      System.exit(1);
      return;
    }
    System.exit(met ? 0 : 3);
  }

  private boolean run() throws Exception {
    printSetup();
    clients.connectUpTo(options.subscribers());
    for (PushMode mode : modes) {
      clients.phase("warm-up", mode, (int) (options.rate() * options.warmup().toSeconds()));
    }
    List<PhaseReport> steady = new ArrayList<>();
    for (PushMode mode : modes) {
      steady.add(record(clients.phase("(a) steady", mode, options.broadcasts())));
    }
    clients.connectUpTo(options.idleSubscribers());
    // The first round reaches connections that never received anything: that costs more than
    // later rounds on both sides, so the push modes take turns and every round is reported.
    List<PhaseReport> idle = new ArrayList<>();
    for (int round = 1; round <= options.idleRounds(); round++) {
      for (PushMode mode : modes) {
        idle.add(record(clients.phase("(b) idle #" + round, mode, 1)));
      }
    }
    Report.table(reports);
    boolean steadyMet = Report.verdict(
        String.format(
            "(a) %,d subscribers x %d broadcasts/s, p99 < %.0f ms, no loss",
            options.subscribers(), options.rate(), STEADY_P99_TARGET_MILLIS),
        steady, "p99", r -> r.percentileMillis(99), STEADY_P99_TARGET_MILLIS);
    boolean idleMet = Report.verdict(
        String.format(
            "(b) %,d idle subscribers, every delivery < %.0f ms",
            options.idleSubscribers(), IDLE_MAX_TARGET_MILLIS),
        idle, "max", PhaseReport::maxMillis, IDLE_MAX_TARGET_MILLIS);
    return steadyMet && idleMet;
  }

  private void printSetup() throws Exception {
    Tick typical = new Tick(1, 999, Micros.now(), "ACME", new BigDecimal("101.250"));
    byte[] push = Databind.MAPPER.writeValueAsBytes(new PerRecipientDatabind.Push("tick", typical));
    System.out.printf(
        "fan-out: server pid %d on %s, client JVM (%s client) %s; %d CPUs, Java %s (%s); push of %d bytes%n",
        ProcessHandle.current().pid(), "127.0.0.1:" + server.port(), options.client(),
        options.clientJvmOptions(), Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"), System.getProperty("java.vm.name"), push.length);
  }

  private PhaseReport record(PhaseReport report) {
    reports.add(report);
    return report;
  }
}
