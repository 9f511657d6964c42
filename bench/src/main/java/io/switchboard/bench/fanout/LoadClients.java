package io.switchboard.bench.fanout;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * The client JVM of the fan-out run, started by {@link FanOut}: it holds the subscribers' WebSocket
 * connections (10,000 sockets do not fit in the server's process next to the server's own under a
 * 20,000 file descriptor limit) and takes its orders one line at a time on stdin, answering one
 * line each on stdout:
 *
 * <pre>
 * CONNECT total               → READY connected=… open=… closed=… millis=… heapMb=… threads=…
 * PHASE id planned            → ARMED id subscribers=…
 * END id waitMillis           → RESULT id complete=… received=… outOfOrder=… stray=… closed=… histogram=…
 * QUIT                        (exits)
 * </pre>
 *
 * <p>Answers start with {@link #ANSWER}; anything else on stdout (a thread dump from {@code jstack}
 * or {@code kill -3}) is not an answer, and logs go to stderr.
 *
 * <p>Usage: {@code LoadClients <ws-uri>[,<ws-uri>…] <undertow|jdk>}. Given several URIs (the nodes
 * of a cluster), it spreads the subscribers over them round-robin: the first to the first URI, the
 * second to the second, and so on.
 */
public final class LoadClients {

  /** Marks the protocol's answer lines on stdout. */
  public static final String ANSWER = "#fanout ";

  /** Handshakes in flight at once: enough to connect quickly, few enough for the accept backlog. */
  private static final int CONNECTS_IN_FLIGHT = 128;

  private final List<URI> uris;
  private final Connector connector;
  private final PrintStream out;
  private final AtomicReference<Phase> current = new AtomicReference<>();
  private final LongAdder stray = new LongAdder();
  private final LongAdder closed = new LongAdder();
  private int connected; // subscribers ever connected, open or since closed

  private LoadClients(List<URI> uris, Connector connector, PrintStream out) {
    this.uris = uris;
    this.connector = connector;
    this.out = out;
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: LoadClients <ws-uri>[,<ws-uri>…] <undertow|jdk>");
      System.exit(2);
    }
    // Protocol lines only on stdout; everything else (logs, errors) on stderr.
    PrintStream protocol = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    System.setOut(System.err);
    try (Connector connector = Connector.named(args[1])) {
      new LoadClients(parseUris(args[0]), connector, protocol).serve();
    } catch (Exception e) {
      protocol.println(ANSWER + "FAILED " + e);
      e.printStackTrace();
      System.exit(1);
    }
    System.exit(0);
  }

  static List<URI> parseUris(String commaSeparated) {
    return Arrays.stream(commaSeparated.split(",")).map(String::trim).map(URI::create).toList();
  }

  /** Joins URIs the way {@link #parseUris} reads them. */
  static String joinUris(List<URI> uris) {
    return String.join(",", uris.stream().map(URI::toString).toList());
  }

  private void serve() throws Exception {
    BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = commands.readLine()) != null) {
      String[] words = line.trim().split(" ");
      switch (words[0]) {
        case "CONNECT" -> connectUpTo(Integer.parseInt(words[1]));
        case "PHASE" -> arm(Integer.parseInt(words[1]), Integer.parseInt(words[2]));
        case "END" -> report(Integer.parseInt(words[1]), Long.parseLong(words[2]));
        case "QUIT" -> {
          return;
        }
        default -> throw new IllegalArgumentException("unknown command: " + line);
      }
    }
  }

  /** Subscribers whose connection is still open. */
  private int open() {
    return (int) (connected - closed.sum());
  }

  /** Opens connections until {@code total} are open (closed ones are not reopened). */
  private void connectUpTo(int total) throws Exception {
    int count = Math.max(0, total - open());
    long start = System.nanoTime();
    Semaphore inFlight = new Semaphore(CONNECTS_IN_FLIGHT);
    List<CompletableFuture<Void>> handshakes = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      inFlight.acquire();
      Subscriber subscriber = new Subscriber(current, stray, closed);
      URI uri = uris.get(connected % uris.size()); // round-robin over the nodes
      connected++;
      CompletableFuture<Void> opened = connector.connect(uri, subscriber::onText, subscriber::onClose);
      opened.whenComplete((ok, failure) -> inFlight.release());
      handshakes.add(opened);
    }
    CompletableFuture.allOf(handshakes.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    System.gc(); // so that the heap figure is what the connections hold, not connect garbage
    Runtime runtime = Runtime.getRuntime();
    long heapMb = (runtime.totalMemory() - runtime.freeMemory()) >> 20;
    int threads = ManagementFactory.getThreadMXBean().getThreadCount();
    out.printf(
        ANSWER + "READY connected=%d open=%d closed=%d millis=%d heapMb=%d threads=%d%n",
        connected, open(), closed.sum(), millis, heapMb, threads);
  }

  private void arm(int id, int planned) {
    int open = open();
    current.set(new Phase(id, planned, open, closed.sum()));
    out.println(ANSWER + "ARMED " + id + " subscribers=" + open);
  }

  private void report(int id, long waitMillis) throws InterruptedException {
    Phase phase = current.get();
    if (phase == null || phase.id != id) {
      throw new IllegalStateException("END " + id + " but the phase in progress is " + phase);
    }
    boolean complete = phase.awaitDone(waitMillis);
    current.set(null);
    out.printf(
        ANSWER + "RESULT %d complete=%b received=%d outOfOrder=%d stray=%d closed=%d histogram=%s%n",
        id, complete, phase.received.sum(), phase.outOfOrder.sum(), stray.sumThenReset(),
        closed.sum() - phase.closedBefore, encode(phase.latencyMicros));
  }

  private static String encode(Histogram histogram) {
    ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
    int length = histogram.encodeIntoCompressedByteBuffer(buffer);
    return Base64.getEncoder().encodeToString(Arrays.copyOf(buffer.array(), length));
  }
}
