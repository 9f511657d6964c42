package io.switchboard.bench.soak;

import io.switchboard.bench.fanout.ClientProcess;
import io.switchboard.bench.fanout.UndertowConnector;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The soak run, bounded in count and time, on loopback: the chat server in a JVM of its own
 * ({@link SoakServer}), and in this JVM {@code --connections} members chatting in rooms and a
 * shout to everyone now and then; after a third of the time a flooder and a {@link SlowReader}
 * join, and a feeder whose long lines fill the slow reader's queue ({@link RoomSender}). It reads the server's heap after GC at the start, between and at the end, and
 * checks that every line said reached every member of its room, every shout every member, with no
 * error and no close, and that the flooder and the slow reader, only they, were cut off.
 *
 * <p>Exit status: 0 when all of that held, 3 when not, 1 on failure.
 */
public final class Soak {

  private static final Duration TICK = Duration.ofMillis(100);
  private static final Duration FLOOD_TICK = Duration.ofMillis(10);
  private static final int CONNECTS_IN_FLIGHT = 128;
  private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);

  private final SoakOptions options;
  private final ClientProcess server;
  private final UndertowConnector connector;
  private final UndertowConnector sendersConnector;
  private final URI uri;
  private final int port;
  private final List<Chatter> chatters = new ArrayList<>();
  private final long[] saidToRoom; // the chat thread's, read once it has stopped
  private long shouts; // likewise
  private final List<SoakReport.HeapSample> heap = new ArrayList<>();
  private final long start = System.nanoTime();

  private Soak(SoakOptions options, ClientProcess server, UndertowConnector connector,
      UndertowConnector sendersConnector) throws InterruptedException {
    this.options = options;
    this.server = server;
    this.connector = connector;
    this.sendersConnector = sendersConnector;
    this.port = Integer.parseInt(ClientProcess.fields(server.ask("PORT", "PORT", ANSWER_TIMEOUT)).get("port"));
    this.uri = URI.create("ws://127.0.0.1:" + port + "/soak");
    this.saidToRoom = new long[options.rooms()];
  }

  public static void main(String[] args) throws Exception {
    SoakOptions options = SoakOptions.parse(args);
    SoakReport report = run(options);
    report.print(System.out);
    System.exit(report.passed() ? 0 : 3);
  }

  static SoakReport run(SoakOptions options) throws Exception {
    List<String> jvm = new ArrayList<>(options.serverJvm());
    jvm.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"); // not one line per connection
    try (ClientProcess server =
            ClientProcess.startMain(SoakServer.class, List.of(Long.toString(options.maxQueuedBytes())), jvm);
        UndertowConnector connector = new UndertowConnector();
        // The flooder and the feeder on IO threads of their own: their traffic must not hold up
        // the members' pongs.
        UndertowConnector sendersConnector = new UndertowConnector()) {
      return new Soak(options, server, connector, sendersConnector).soak();
    }
  }

  private SoakReport soak() throws Exception {
    connectChatters();
    sampleHeap();
    ScheduledExecutorService chat = Executors.newSingleThreadScheduledExecutor();
    // The flooder and the feeder go on through the drain, until the server has cut both off.
    ScheduledExecutorService troubles = Executors.newSingleThreadScheduledExecutor();
    RoomSender flooder = RoomSender.flooder();
    RoomSender feeder = RoomSender.feeder();
    try (SlowReader slowReader = new SlowReader()) {
      chat.scheduleAtFixedRate(new Pacer(), TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
      long end = System.nanoTime() + options.duration().toNanos();
      long troublemakersAt = System.nanoTime() + options.duration().toNanos() / 3;
      long sampleEvery = options.duration().toNanos() / (options.heapSamples() + 1);
      long nextSample = System.nanoTime() + sampleEvery;
      boolean troublemakers = false;
      while (System.nanoTime() < end) {
        if (!troublemakers && System.nanoTime() >= troublemakersAt) {
          troublemakers = true;
          slowReader.connect(port);
          join(feeder);
          join(flooder);
          int floodPerTick = (int) (options.floodPerSecond() * FLOOD_TICK.toMillis() / 1000);
          int feedPerTick = Math.max(1, (int) (options.feedPerSecond() * FLOOD_TICK.toMillis() / 1000));
          troubles.scheduleAtFixedRate(() -> {
            flooder.send(floodPerTick);
            feeder.send(feedPerTick);
          }, 0, FLOOD_TICK.toMillis(), TimeUnit.MILLISECONDS);
        }
        if (System.nanoTime() >= nextSample) {
          sampleHeap();
          nextSample += sampleEvery;
        }
        Thread.sleep(50); // a bench pacing itself, not a test waiting for an event
      }
      chat.shutdown();
      chat.awaitTermination(10, TimeUnit.SECONDS);
      long drainedBy = System.nanoTime() + options.drainWait().toNanos();
      while (System.nanoTime() < drainedBy && !(allDelivered() && cutOff(flooder))) {
        Thread.sleep(100);
      }
      troubles.shutdown();
      troubles.awaitTermination(10, TimeUnit.SECONDS);
      Map<String, String> stats = ClientProcess.fields(server.ask("STATS", "STATS", ANSWER_TIMEOUT));
      sampleHeap();
      chatters.forEach(Chatter::end);
      return new SoakReport(
          options, heap, chatters.size(), saidLines(), shouts, missing(), problems(),
          flooder.sent(), flooder.closedWith(), feeder.sent(), feeder.closedWith(), slowReader.howItEnded(),
          Integer.parseInt(stats.get("open")), Long.parseLong(stats.get("slowConsumerCloses")),
          Long.parseLong(stats.get("rateLimited")));
    } finally {
      chat.shutdownNow();
      troubles.shutdownNow();
    }
  }

  private void join(RoomSender sender) throws Exception {
    sendersConnector.open(uri, sender::onText, sender::onClose).thenAccept(sender::opened).get(30, TimeUnit.SECONDS);
    await(sender.joined::getCount, "a join");
  }

  private void connectChatters() throws Exception {
    Semaphore inFlight = new Semaphore(CONNECTS_IN_FLIGHT);
    List<CompletableFuture<Void>> opened = new ArrayList<>();
    for (int i = 0; i < options.connections(); i++) {
      inFlight.acquire();
      Chatter chatter = new Chatter(i % options.rooms());
      chatters.add(chatter);
      CompletableFuture<Void> open = connector.open(uri, chatter::onText, chatter::onClose).thenAccept(chatter::opened);
      open.whenComplete((ok, failure) -> inFlight.release());
      opened.add(open);
    }
    CompletableFuture.allOf(opened.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
    for (Chatter chatter : chatters) {
      await(chatter.joined::getCount, "every member's join");
    }
  }

  private static void await(java.util.function.LongSupplier left, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (left.getAsLong() > 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(what + " took over 2 minutes");
      }
      Thread.sleep(10);
    }
  }

  private void sampleHeap() throws InterruptedException {
    long used = Long.parseLong(ClientProcess.fields(server.ask("HEAP", "HEAP", ANSWER_TIMEOUT)).get("usedBytes"));
    heap.add(new SoakReport.HeapSample(nanosSinceStart() / 1e9, used));
  }

  private long nanosSinceStart() {
    return System.nanoTime() - start;
  }

  /** Says the members' lines at their pace, in turn, and one shout every {@code shoutEvery}. */
  private final class Pacer implements Runnable {
    private final double linesPerTick =
        (double) options.connections() * TICK.toNanos() / options.sayEvery().toNanos();
    private final long ticksPerShout = Math.max(1, options.shoutEvery().toNanos() / TICK.toNanos());
    private double owed;
    private int next;
    private long ticks;

    @Override
    public void run() {
      for (owed += linesPerTick; owed >= 1; owed--) {
        Chatter chatter = chatters.get(next);
        saidToRoom[chatter.room]++;
        chatter.say(next);
        next = (next + 1) % chatters.size();
      }
      if (++ticks % ticksPerShout == 0) {
        chatters.get((int) (shouts % chatters.size())).shout(++shouts);
      }
    }
  }

  private long saidLines() {
    long total = 0;
    for (long said : saidToRoom) {
      total += said;
    }
    return total;
  }

  /** Deliveries that members should have had and did not, or had twice (0 once all arrived). */
  private long missing() {
    long missing = 0;
    for (Chatter chatter : chatters) {
      missing += Math.abs(heard(chatter) - chatter.chatLines.sum()) + Math.abs(shouts - chatter.shouts.sum());
    }
    return missing;
  }

  private boolean allDelivered() {
    return chatters.stream().allMatch(c -> c.chatLines.sum() == heard(c) && c.shouts.sum() == shouts);
  }

  /** What a member should hear of its room: everything said there but by itself. */
  private long heard(Chatter chatter) {
    return saidToRoom[chatter.room] - chatter.said();
  }

  /** Both troublemakers gone, on the server too (it drops a silent peer after its close timeout). */
  private boolean cutOff(RoomSender flooder) throws InterruptedException {
    if (flooder.closedWith() == null) {
      return false;
    }
    Map<String, String> stats = ClientProcess.fields(server.ask("STATS", "STATS", ANSWER_TIMEOUT));
    return !stats.get("slowConsumerCloses").equals("0") && Integer.parseInt(stats.get("open")) <= chatters.size() + 1; // and the feeder
  }

  /** The members' problems, each kind once with how many had it. */
  private Map<String, Long> problems() {
    return chatters.stream()
        .map(c -> c.problem.get())
        .filter(java.util.Objects::nonNull)
        .collect(Collectors.groupingBy(p -> p, java.util.TreeMap::new, Collectors.counting()));
  }
}
