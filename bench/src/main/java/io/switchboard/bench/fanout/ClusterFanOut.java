package io.switchboard.bench.fanout;

import com.example.bench.TickerEndpoint;
import io.switchboard.test.RedisServer;
import io.switchboard.undertow.ServerBuilder;
import io.switchboard.undertow.Switchboard;
import io.switchboard.undertow.SwitchboardServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The cross-node fan-out run: what a second node behind Redis costs a broadcast. In one run,
 * bounded in count and time, on loopback only, it starts its own {@code redis-server}, a
 * single-node server and a cluster of two nodes in this JVM, and one client JVM ({@link
 * LoadClients}) for each, then
 *
 * <ul>
 *   <li>single node: {@code --subscribers} (1,000) subscribers receive {@code --rate} (50)
 *       broadcasts/s for {@code --seconds} (20 s);
 *   <li>cluster: as many subscribers, split evenly over the two nodes, receive the same broadcasts,
 *       all made on node A: its own subscribers get them directly, node B's through one Redis
 *       {@code PUBLISH} each;
 *   <li>with {@code --history N}, cluster again, to a room that keeps its last N pushes in Redis:
 *       each push numbered, stored and published by one script, and delivered on both nodes as it
 *       comes back from Redis;
 * </ul>
 *
 * taking turns {@code --rounds} (3) times after a warm-up, so that whatever else the machine does
 * hits both. It prints every phase's delivery latency, lost and out-of-order deliveries, Redis's
 * {@code PUBLISH} commands per broadcast and its CPU, then the medians and the verdict.
 *
 * <p>Exit status: 0 when the cluster's median p99 was at most twice the single node's, with
 * nothing lost or out of order and one {@code PUBLISH} per broadcast; 3 when not; 1 on failure.
 */
public final class ClusterFanOut {

  static final String CLUSTER_NAME = "bench";
  static final String HISTORY_ROOM = "history-on";
  private static final double P99_RATIO_LIMIT = 2.0;
  private static final Duration SUBSCRIBED_TIMEOUT = Duration.ofSeconds(10);

  /**
   * One measured phase and what Redis did meanwhile.
   *
   * @param redis null on the single node, which has no Redis
   * @param dropped pushes the origin node's bus could not send to Redis
   */
  record Measured(PhaseReport report, RedisMeter.Use redis, long dropped) {

    double publishesPerBroadcast() {
      return (double) redis.publishes() / report.sent().broadcasts();
    }
  }

  /** Every measured phase of a run, and whether the targets were met. */
  record Result(List<Measured> single, List<Measured> cluster, List<Measured> history, boolean met) {}

  private final ClusterFanOutOptions options;
  private final RedisMeter redis;
  private final Audience singleClients;
  private final Audience clusterClients;
  private final TickerNode nodeA;
  private final TickerNode nodeB;
  private final PushMode singleBroadcast;
  private final PushMode clusterBroadcast;
  /** With {@code --history}: the cluster's broadcast to a room that keeps history in Redis. */
  private final PushMode clusterHistory;

  private ClusterFanOut(
      ClusterFanOutOptions options,
      RedisMeter redis,
      TickerNode single,
      Audience singleClients,
      TickerNode nodeA,
      TickerNode nodeB,
      Audience clusterClients) {
    this.options = options;
    this.redis = redis;
    this.singleClients = singleClients;
    this.clusterClients = clusterClients;
    this.nodeA = nodeA;
    this.nodeB = nodeB;
    this.singleBroadcast = new EncodeOnce(single.server(), TickerNode.PATH);
    this.clusterBroadcast = new EncodeOnce(nodeA.server(), TickerNode.PATH);
    this.clusterHistory =
        options.history() > 0
            ? new ToRoom(List.of(nodeA.server(), nodeB.server()), TickerNode.PATH, HISTORY_ROOM)
            : null;
  }

  public static void main(String[] args) {
    // One log line per connection is the servers' default; thousands would drown the report.
    System.setProperty(
        "org.slf4j.simpleLogger.defaultLogLevel",
        System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
    try {
      System.exit(run(ClusterFanOutOptions.parse(args)).met() ? 0 : 3);
    } catch (Exception e) {
      e.printStackTrace();
      System.exit(1);
    }
  }

  /** Starts everything, measures, prints the report and stops everything again. */
  static Result run(ClusterFanOutOptions options) throws Exception {
    List<SwitchboardServer> started = new ArrayList<>();
    try (RedisServer redisServer = RedisServer.start();
        RedisMeter redis = new RedisMeter(redisServer.uri(), redisServer.pid())) {
      try {
        TickerNode single = start(Switchboard.server(), started);
        TickerNode nodeA = start(clustered(redisServer, options), started);
        TickerNode nodeB = start(clustered(redisServer, options), started);
        try (Audience singleClients = audience(options, single);
            Audience clusterClients = audience(options, nodeA, nodeB)) {
          try {
            System.out.printf(
                "cross-node fan-out: server JVM pid %d (single node on %d, cluster nodes A on %d"
                    + " and B on %d), redis-server %s pid %d; %d CPUs, Java %s (%s)%n",
                ProcessHandle.current().pid(), single.server().port(), nodeA.server().port(),
                nodeB.server().port(), redis.version(), redisServer.pid(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                System.getProperty("java.vm.name"));
            return new ClusterFanOut(
                    options, redis, single, singleClients, nodeA, nodeB, clusterClients)
                .measure();
          } finally {
            // Closes every session with 1001 while the clients are still there to answer.
            stopAll(started);
          }
        }
      } finally {
        stopAll(started); // if a client JVM failed to start; a no-op after the first
      }
    }
  }

  private static ServerBuilder clustered(RedisServer redis, ClusterFanOutOptions options) {
    ServerBuilder builder = Switchboard.server().cluster(redis.uri()).clusterName(CLUSTER_NAME);
    if (options.history() > 0) {
      builder.roomHistory(HISTORY_ROOM, options.history(), Duration.ofMinutes(2));
    }
    return builder;
  }

  private static TickerNode start(ServerBuilder builder, List<SwitchboardServer> started) {
    TickerEndpoint endpoint = new TickerEndpoint();
    SwitchboardServer server =
        builder.host("127.0.0.1").port(0).shutdownHook(false).endpoint(endpoint).start();
    started.add(server);
    return new TickerNode(server, endpoint);
  }

  private static Audience audience(ClusterFanOutOptions options, TickerNode... nodes) {
    return Audience.start(
        List.of(nodes), options.client(), options.clientJvmOptions(), options.period(),
        options.drainWait());
  }

  private static void stopAll(List<SwitchboardServer> servers) {
    for (SwitchboardServer server : servers) {
      server.stop(Duration.ofSeconds(10));
    }
    servers.clear();
  }

  private Result measure() throws Exception {
    singleClients.connectUpTo(options.subscribers());
    clusterClients.connectUpTo(options.subscribers());
    awaitBothNodesSubscribed();
    singleClients.phase("warm-up", singleBroadcast, options.warmupBroadcasts());
    clusterPhase("warm-up", clusterBroadcast, options.warmupBroadcasts());
    if (clusterHistory != null) {
      clusterPhase("warm-up, history", clusterHistory, options.warmupBroadcasts());
    }
    List<Measured> single = new ArrayList<>();
    List<Measured> cluster = new ArrayList<>();
    List<Measured> history = new ArrayList<>();
    for (int round = 1; round <= options.rounds(); round++) {
      single.add(new Measured(
          singleClients.phase("single node #" + round, singleBroadcast, options.broadcasts()),
          null, 0));
      cluster.add(clusterPhase("cluster #" + round, clusterBroadcast, options.broadcasts()));
      if (clusterHistory != null) {
        history.add(clusterPhase("cluster, history #" + round, clusterHistory, options.broadcasts()));
      }
    }
    List<PhaseReport> reports = new ArrayList<>();
    for (int i = 0; i < single.size(); i++) {
      reports.add(single.get(i).report());
      reports.add(cluster.get(i).report());
      if (!history.isEmpty()) {
        reports.add(history.get(i).report());
      }
    }
    Report.table(reports);
    boolean met = ClusterReport.verdict(single, cluster, options.subscribers(), P99_RATIO_LIMIT);
    if (!history.isEmpty()) {
      met &= ClusterReport.historyVerdict(cluster, history);
    }
    return new Result(single, cluster, history, met);
  }

  /** A cluster phase, broadcast on node A, with Redis's share of it. */
  private Measured clusterPhase(String scenario, PushMode mode, int broadcasts) throws Exception {
    long droppedBefore = nodeA.server().stats().clusterDropped();
    RedisMeter.Window window = redis.start();
    PhaseReport report = clusterClients.phase(scenario, mode, broadcasts);
    Measured measured =
        new Measured(report, window.stop(), nodeA.server().stats().clusterDropped() - droppedBefore);
    ClusterReport.redisLine(measured);
    return measured;
  }

  /**
   * Waits until both nodes reach Redis and listen on the endpoint's all-sessions channel, so that
   * no broadcast of a phase can miss node B.
   */
  private void awaitBothNodesSubscribed() throws InterruptedException {
    String channel = CLUSTER_NAME + ":" + TickerNode.PATH + ":all";
    long deadline = System.nanoTime() + SUBSCRIBED_TIMEOUT.toNanos();
    while (!(nodeA.server().stats().clusterConnected()
        && nodeB.server().stats().clusterConnected()
        && redis.subscribers(channel) >= 2)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "the two nodes did not both subscribe to " + channel + " within " + SUBSCRIBED_TIMEOUT);
      }
      Thread.sleep(20);
    }
  }
}
