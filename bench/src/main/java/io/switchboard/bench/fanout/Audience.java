package io.switchboard.bench.fanout;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * One client JVM ({@link LoadClients}) and the servers its subscribers are spread over,
 * round-robin: it connects subscribers and runs measured phases against them, one at a time.
 */
final class Audience implements AutoCloseable {

  private static final Duration CONNECT_TIMEOUT = Duration.ofMinutes(3);

  private final List<TickerNode> nodes;
  private final ClientProcess clients;
  private final Duration period;
  private final Duration drainWait;
  private int nextPhase = 1;
  private int opened; // subscribers connected so far, each one's session opened on its node

  private Audience(
      List<TickerNode> nodes, ClientProcess clients, Duration period, Duration drainWait) {
    this.nodes = nodes;
    this.clients = clients;
    this.period = period;
    this.drainWait = drainWait;
  }

  /**
   * Starts the client JVM.
   *
   * @param period the time between two broadcasts of a phase
   * @param drainWait how long after its last broadcast a phase waits for the last delivery
   */
  static Audience start(
      List<TickerNode> nodes,
      String client,
      List<String> jvmOptions,
      Duration period,
      Duration drainWait) {
    List<URI> uris = nodes.stream().map(TickerNode::uri).toList();
    return new Audience(nodes, ClientProcess.start(uris, client, jvmOptions), period, drainWait);
  }

  /**
   * Connects subscribers until {@code total} have been, and waits until each node's endpoint has
   * opened its share: the client sees its handshake complete slightly before the server registers
   * the session, and a broadcast must not start before that.
   */
  void connectUpTo(int total) throws Exception {
    String ready = clients.ask("CONNECT " + total, "READY", CONNECT_TIMEOUT);
    System.out.printf("connected up to %,d subscribers: %s%n", total, ready);
    int connected = Integer.parseInt(ClientProcess.fields(ready).get("connected"));
    for (int i = 0; i < nodes.size(); i++) {
      TickerNode node = nodes.get(i);
      int added = shareOf(i, connected) - shareOf(i, opened);
      if (!node.endpoint().awaitOpened(added, Duration.ofSeconds(30))) {
        throw new IllegalStateException(
            "the server on " + node.uri() + " opened "
                + node.server().sessions(TickerNode.PATH).count() + " sessions, expected "
                + shareOf(i, connected));
      }
    }
    opened = connected;
  }

  /** How many of the first {@code subscribers} the round-robin sends to node {@code index}. */
  private int shareOf(int index, int subscribers) {
    return subscribers / nodes.size() + (index < subscribers % nodes.size() ? 1 : 0);
  }

  /** Runs one phase: arms the subscribers, sends at the fixed rate, collects what they received. */
  PhaseReport phase(String scenario, PushMode mode, int broadcasts) throws Exception {
    int id = nextPhase++;
    String armed = clients.ask("PHASE " + id + " " + broadcasts, "ARMED", Duration.ofSeconds(30));
    int subscribers = Integer.parseInt(ClientProcess.fields(armed).get("subscribers"));
    long slowConsumerClosesBefore = slowConsumerCloses();
    CpuMeter cpu = new CpuMeter(clients);
    PacedSender.Cost cost = PacedSender.send(mode, id, broadcasts, period);
    long waitMillis = drainWait.toMillis();
    String result = clients.ask(
        "END " + id + " " + waitMillis, "RESULT", Duration.ofMillis(waitMillis).plusSeconds(30));
    PhaseReport report =
        PhaseReport.of(
            scenario, mode.name(), subscribers, cost, cpu.stop(),
            slowConsumerCloses() - slowConsumerClosesBefore, result);
    Report.line(report);
    return report;
  }

  private long slowConsumerCloses() {
    return nodes.stream().mapToLong(node -> node.server().stats().slowConsumerCloses()).sum();
  }

  /** Asks the client JVM to exit (after the servers have closed their sessions, preferably). */
  @Override
  public void close() throws InterruptedException {
    clients.close();
  }
}
