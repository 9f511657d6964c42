package io.switchboard.bench.perf;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Recorder;

/**
 * Fan-out through a relay endpoint: one connection publishes {@code rate} messages a second, the
 * server relays each to every connection (the publisher's too), and every delivery's latency is
 * its receive time minus the time the message was due, which the message carries ({@code
 * b<seq>@<nanoTime>}; sender and receivers share this JVM's clock). The server may wrap the text
 * (Switchboard sends it as an event's data), so the receivers look for the {@code @}.
 */
final class Broadcasts implements Traffic {

  private static final long MAX_NANOS = TimeUnit.MINUTES.toNanos(1);

  private final Recorder latencyNanos = new Recorder(1, MAX_NANOS, 3);
  private final LongAdder received = new LongAdder();

  @Override
  public void start(Connection connection) {}

  @Override
  public void onText(Connection connection, ByteBuffer payload) {
    long now = System.nanoTime();
    long due = dueNanos(payload);
    if (due == Long.MIN_VALUE) {
      connection.load().error("a relayed message without its time");
      return;
    }
    latencyNanos.recordValue(Math.max(0, Math.min(MAX_NANOS, now - due)));
    received.increment();
  }

  /** The number after the {@code @}, or {@code Long.MIN_VALUE} if there is none. */
  private static long dueNanos(ByteBuffer payload) {
    int at = -1;
    for (int i = payload.position(); i < payload.limit(); i++) {
      if (payload.get(i) == '@') {
        at = i;
        break;
      }
    }
    if (at < 0) {
      return Long.MIN_VALUE;
    }
    boolean negative = at + 1 < payload.limit() && payload.get(at + 1) == '-';
    long value = 0;
    int digits = 0;
    for (int i = at + (negative ? 2 : 1); i < payload.limit(); i++) {
      byte b = payload.get(i);
      if (b < '0' || b > '9') {
        break;
      }
      value = value * 10 + (b - '0');
      digits++;
    }
    return digits == 0 ? Long.MIN_VALUE : negative ? -value : value;
  }

  Recorder latencyNanos() {
    return latencyNanos;
  }

  long received() {
    return received.sum();
  }

  /**
   * Publishes {@code count} messages through {@code publisher}, paced at {@code rate} a second;
   * a late one goes at once, with its original due time, so that a stall shows in the latency.
   */
  static void publish(Connection publisher, int count, int rate) {
    long period = TimeUnit.SECONDS.toNanos(1) / rate;
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      long due = start + i * period;
      long wait;
      while ((wait = due - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
      publisher.send(ClientFrames.text("b" + i + "@" + due));
    }
  }
}
