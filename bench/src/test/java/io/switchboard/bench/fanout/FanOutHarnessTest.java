package io.switchboard.bench.fanout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.bench.Tick;
import com.example.bench.TickerEndpoint;
import io.switchboard.bench.codec.Databind;
import io.switchboard.undertow.Switchboard;
import io.switchboard.undertow.SwitchboardServer;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fan-out harness in miniature, in one JVM: a few subscribers on each client, both push modes,
 * a couple of ticks. It checks the accounting the benchmark relies on (every tick counted once, in
 * order, with a latency), not performance.
 */
class FanOutHarnessTest {

  private static final int SUBSCRIBERS = 3;

  private SwitchboardServer server;
  private final AtomicReference<Phase> current = new AtomicReference<>();
  private final LongAdder stray = new LongAdder();
  private final LongAdder closed = new LongAdder();

  @BeforeEach
  void start() {
    server = Switchboard.server().host("127.0.0.1").port(0).endpoint(new TickerEndpoint()).start();
  }

  @AfterEach
  void stop() {
    server.stop(Duration.ofSeconds(5));
  }

  @ParameterizedTest
  @ValueSource(strings = {"undertow", "jdk"})
  void everyTickIsCountedOnceInOrderWithItsLatency(String client) throws Exception {
    try (Connector connector = Connector.named(client)) {
      URI uri = URI.create("ws://127.0.0.1:" + server.port() + "/ticker");
      for (int i = 0; i < SUBSCRIBERS; i++) {
        Subscriber subscriber = new Subscriber(current, stray, closed);
        connector.connect(uri, subscriber::onText, subscriber::onClose).get(10, TimeUnit.SECONDS);
      }
      awaitSessions();

      PushMode[] modes = {new EncodeOnce(server, "/ticker"), new PerRecipientDatabind(server.sessions("/ticker"))};
      for (int id = 1; id <= modes.length; id++) {
        Phase phase = new Phase(id, 2, SUBSCRIBERS, 0);
        current.set(phase);
        PacedSender.Cost cost = PacedSender.send(modes[id - 1], id, 2, Duration.ofMillis(5));
        assertTrue(phase.awaitDone(10_000), modes[id - 1].name() + ": every subscriber got both ticks");
        assertEquals(2 * SUBSCRIBERS, phase.received.sum());
        assertEquals(0, phase.outOfOrder.sum());
        assertEquals(2 * SUBSCRIBERS, phase.latencyMicros.getTotalCount());
        assertEquals(2, cost.broadcasts());
        assertEquals(id == 1 ? 2 : 2 * SUBSCRIBERS, cost.encodes(), "JSON encodings of " + modes[id - 1].name());
      }
      assertEquals(0, stray.sum());
      assertEquals(0, closed.sum());

      server.sessions("/ticker").all().iterator().next().close();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (closed.sum() == 0 && System.nanoTime() < deadline) {
        Thread.sleep(5); // the close frame is on its way
      }
      assertEquals(1, closed.sum(), "a connection the server closed is counted as closed");
    }
  }

  private void awaitSessions() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (server.sessions("/ticker").count() < SUBSCRIBERS && System.nanoTime() < deadline) {
      Thread.sleep(5); // the server registers a session just after the client sees the handshake
    }
    assertEquals(SUBSCRIBERS, server.sessions("/ticker").count());
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 7, 1_764_077_176_123_456L})
  void readsTheNumbersOfAPush(long value) throws Exception {
    String push = new String(
        Databind.MAPPER.writeValueAsBytes(
            new PerRecipientDatabind.Push("tick", new Tick(3, value, value, "ACME", new BigDecimal("1.5")))),
        StandardCharsets.UTF_8);
    assertEquals(3, TickFields.number(push, "phase"));
    assertEquals(value, TickFields.number(push, "seq"));
    assertEquals(value, TickFields.number(push, "sentAtMicros"));
  }
}
