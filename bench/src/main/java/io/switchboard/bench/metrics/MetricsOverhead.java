package io.switchboard.bench.metrics;

import com.example.bench.OrderDeskEndpoint;
import io.switchboard.undertow.ServerBuilder;
import io.switchboard.undertow.Switchboard;
import io.switchboard.undertow.SwitchboardServer;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * What metrics cost the hot path: the same closed-loop command traffic (every connection sends
 * {@code say} and waits for its reply) against a server without metrics and one with every
 * {@code switchboard.*} meter on a Prometheus registry, in alternating rounds so that drift on the
 * machine hits both alike. Client and server share this JVM, so the CPU figure is both sides'.
 *
 * <pre>java -cp bench/target/switchboard-bench.jar io.switchboard.bench.metrics.MetricsOverhead
 *     [connections 50] [seconds per round 10] [rounds 3]</pre>
 */
public final class MetricsOverhead {

  private static final String SAY = "{\"cmd\":\"say\",\"id\":1,\"data\":{\"room\":\"lobby\",\"text\":\"hello\"}}";

  private record Round(boolean metrics, double perSecond, Histogram latency, double cpuMicrosPerCall) {}

  public static void main(String[] args) throws Exception {
    int connections = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;

    run(false, connections, 3); // warm-up of both, not reported
    run(true, connections, 3);
    List<Round> results = new ArrayList<>();
    for (int i = 0; i < rounds; i++) {
      results.add(run(i % 2 == 1, connections, seconds)); // off, on, off… then on, off, on…
      results.add(run(i % 2 == 0, connections, seconds));
    }
    System.out.printf("%d connections, closed loop, %d s rounds%n", connections, seconds);
    System.out.println("| metrics | round trips/s | p50 µs | p99 µs | CPU µs per round trip |");
    System.out.println("| --- | --- | --- | --- | --- |");
    for (Round r : results) {
      System.out.printf("| %s | %.0f | %d | %d | %.1f |%n", r.metrics() ? "on" : "off", r.perSecond(),
          r.latency().getValueAtPercentile(50), r.latency().getValueAtPercentile(99), r.cpuMicrosPerCall());
    }
    for (boolean on : new boolean[] {false, true}) {
      System.out.printf("mean with metrics %s: %.0f round trips/s, %.1f CPU µs per round trip%n", on ? "on" : "off",
          results.stream().filter(r -> r.metrics() == on).mapToDouble(Round::perSecond).average().orElseThrow(),
          results.stream().filter(r -> r.metrics() == on).mapToDouble(Round::cpuMicrosPerCall).average().orElseThrow());
    }
  }

  private static Round run(boolean metrics, int connections, int seconds) throws Exception {
    ServerBuilder builder =
        Switchboard.server().port(0).host("127.0.0.1").shutdownHook(false).rateLimit(0, 0)
            .endpoint(new OrderDeskEndpoint());
    if (metrics) {
      builder.metricsPath("/metrics");
    }
    HttpClient http = HttpClient.newHttpClient();
    try (SwitchboardServer server = builder.start()) {
      URI uri = URI.create("ws://127.0.0.1:" + server.port() + "/desk");
      Histogram latency = new ConcurrentHistogram(TimeUnit.SECONDS.toMicros(10), 3);
      AtomicLong calls = new AtomicLong();
      AtomicBoolean counting = new AtomicBoolean();
      AtomicBoolean running = new AtomicBoolean(true);
      List<WebSocket> sockets = new ArrayList<>();
      for (int i = 0; i < connections; i++) {
        sockets.add(http.newWebSocketBuilder().buildAsync(uri, new Caller(latency, calls, counting, running)).join());
      }
      long cpuBefore = processCpuNanos();
      counting.set(true);
      long start = System.nanoTime();
      Thread.sleep(Duration.ofSeconds(seconds).toMillis()); // the round's length: traffic runs meanwhile
      counting.set(false);
      long elapsed = System.nanoTime() - start;
      long cpu = processCpuNanos() - cpuBefore;
      running.set(false);
      for (WebSocket socket : sockets) {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(e -> null);
      }
      long n = Math.max(1, calls.get());
      return new Round(metrics, n * 1e9 / elapsed, latency, cpu / 1000.0 / n);
    }
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** One connection's loop: send, await the reply, record, send again. */
  private static final class Caller implements WebSocket.Listener {
    private final Histogram latency;
    private final AtomicLong calls;
    private final AtomicBoolean counting;
    private final AtomicBoolean running;
    private long sentAt;

    Caller(Histogram latency, AtomicLong calls, AtomicBoolean counting, AtomicBoolean running) {
      this.latency = latency;
      this.calls = calls;
      this.counting = counting;
      this.running = running;
    }

    @Override
    public void onOpen(WebSocket socket) {
      socket.request(1);
      send(socket);
    }

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      if (last && counting.get()) {
        latency.recordValue(Math.max(1, (System.nanoTime() - sentAt) / 1000));
        calls.incrementAndGet();
      }
      socket.request(1);
      if (last && running.get()) {
        send(socket);
      }
      return null;
    }

    private void send(WebSocket socket) {
      sentAt = System.nanoTime();
      socket.sendText(SAY, true);
    }
  }
}
