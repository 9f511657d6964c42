package io.switchboard.bench.fanout;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * One listening connection. It checks that its ticks of the current phase arrive in sequence,
 * none missing, and records each one's delivery latency: receive time minus the {@code
 * sentAtMicros} the server wrote. Called on one client IO thread at a time.
 */
final class Subscriber {

  private final AtomicReference<Phase> current;
  private final LongAdder stray;
  private final LongAdder closedSubscribers;
  private final AtomicBoolean closed = new AtomicBoolean();
  private Phase phase;
  private long nextSeq;
  private int received;

  /**
   * @param current the phase in progress, switched by the load client between phases
   * @param stray counts messages of no current phase (late arrivals of an earlier one)
   * @param closedSubscribers counts subscribers whose connection closed
   */
  Subscriber(AtomicReference<Phase> current, LongAdder stray, LongAdder closedSubscribers) {
    this.current = current;
    this.stray = stray;
    this.closedSubscribers = closedSubscribers;
  }

  /** The connection closed: the server closes a subscriber that falls too far behind. */
  void onClose() {
    if (closed.compareAndSet(false, true)) {
      closedSubscribers.increment();
    }
  }

  void onText(String message) {
    long receivedAt = Micros.now();
    Phase now = current.get();
    if (now == null || TickFields.number(message, "phase") != now.id) {
      stray.increment();
      return;
    }
    if (phase != now) {
      phase = now;
      nextSeq = 0;
      received = 0;
    }
    long latency = receivedAt - TickFields.number(message, "sentAtMicros");
    now.latencyMicros.recordValue(Math.min(Math.max(0, latency), Phase.MAX_MICROS));
    now.received.increment();
    long seq = TickFields.number(message, "seq");
    if (seq != nextSeq) {
      now.outOfOrder.increment();
    }
    nextSeq = seq + 1;
    if (++received == now.planned) {
      now.subscriberDone();
    }
  }
}
