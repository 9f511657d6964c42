package io.switchboard.bench.fanout;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * One phase of a run as the subscribers see it: {@code planned} broadcasts, each expected by
 * every subscriber open when it began. Completes when every one of them has received all of them;
 * one that the server closes meanwhile never does, and its missing ticks count as lost.
 */
final class Phase {

  /** The largest latency recorded as is; anything later is recorded as this. */
  static final long MAX_MICROS = TimeUnit.MINUTES.toMicros(1);

  /** Up to a minute, to 3 significant digits, in microseconds. */
  static Histogram newHistogram() {
    return new ConcurrentHistogram(1, MAX_MICROS, 3);
  }

  final int id;
  final int planned;
  final int subscribers;
  /** Subscribers closed before the phase began; those closed during it are the difference. */
  final long closedBefore;
  final Histogram latencyMicros = newHistogram();
  final LongAdder received = new LongAdder();
  final LongAdder outOfOrder = new LongAdder();
  private final CountDownLatch subscribersDone;

  Phase(int id, int planned, int subscribers, long closedBefore) {
    this.id = id;
    this.planned = planned;
    this.subscribers = subscribers;
    this.closedBefore = closedBefore;
    this.subscribersDone = new CountDownLatch(subscribers);
  }

  /** One subscriber received its last planned message. */
  void subscriberDone() {
    subscribersDone.countDown();
  }

  /** Waits until every subscriber is done; false if the time ran out first (messages lost). */
  boolean awaitDone(long millis) throws InterruptedException {
    return subscribersDone.await(millis, TimeUnit.MILLISECONDS);
  }
}
