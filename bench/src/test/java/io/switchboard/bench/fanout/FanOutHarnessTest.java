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
import java.util.concurrent.CountDownLatch;
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

  private final TickerEndpoint endpoint = new TickerEndpoint();
  private SwitchboardServer server;
  private final AtomicReference<Phase> current = new AtomicReference<>();
  private final LongAdder stray = new LongAdder();
  private final LongAdder closed = new LongAdder();

  @BeforeEach
  void start() {
    server = Switchboard.server().host("127.0.0.1").port(0).endpoint(endpoint).start();
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
      CountDownLatch closes = new CountDownLatch(1);
      for (int i = 0; i < SUBSCRIBERS; i++) {
        Subscriber subscriber = new Subscriber(current, stray, closed);
        Runnable onClose =
            () -> {
              subscriber.onClose();
              closes.countDown();
            };
        connector.connect(uri, subscriber::onText, onClose).get(10, TimeUnit.SECONDS);
      }
      assertTrue(
          endpoint.awaitOpened(SUBSCRIBERS, Duration.ofSeconds(10)), "server opened every session");

      PacedSender.Cost encodeOnce = twoTicks(1, new EncodeOnce(server, "/ticker"));
      assertEquals(2, encodeOnce.encodes(), "one encoding per broadcast");
      PacedSender.Cost databind = twoTicks(2, new PerRecipientDatabind(server.sessions("/ticker")));
      assertEquals(2 * SUBSCRIBERS, databind.encodes(), "one encoding per recipient");
      assertEquals(0, stray.sum());
      assertEquals(0, closed.sum());

      server.sessions("/ticker").all().iterator().next().close();
      assertTrue(closes.await(10, TimeUnit.SECONDS), "the client saw the close");
      assertEquals(1, closed.sum(), "a connection the server closed is counted as closed");
    }
  }

  /** Sends two ticks in phase {@code id} and checks every subscriber counted both, in order. */
  private PacedSender.Cost twoTicks(int id, PushMode mode) throws Exception {
    Phase phase = new Phase(id, 2, SUBSCRIBERS, 0);
    current.set(phase);
    PacedSender.Cost cost = PacedSender.send(mode, id, 2, Duration.ofMillis(5));
    assertTrue(phase.awaitDone(10_000), mode.name() + ": every subscriber got both ticks");
    assertEquals(2 * SUBSCRIBERS, phase.received.sum());
    assertEquals(0, phase.outOfOrder.sum());
    assertEquals(2 * SUBSCRIBERS, phase.latencyMicros.getTotalCount());
    assertEquals(2, cost.broadcasts());
    return cost;
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
