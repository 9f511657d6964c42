package io.switchboard.bench.fanout;

import com.example.bench.Tick;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Sends the ticks of one phase at a fixed rate from the calling thread. Each tick carries the time
 * it was due, not the time it left: if a push runs late (a slow broadcast, a GC pause), the delay
 * shows in the subscribers' latencies instead of being hidden by a sender that waited.
 */
final class PacedSender {

  /**
   * What sending cost on the server's side.
   *
   * @param callMicros duration of each push call (encode + queue for every recipient)
   * @param allocatedBytes allocated by the sending thread over the phase
   * @param cpuNanos CPU time of the sending thread over the phase
   * @param encodes JSON encodings made over the phase
   */
  record Cost(int broadcasts, Histogram callMicros, long allocatedBytes, long cpuNanos, long encodes) {}

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private PacedSender() {}

  static Cost send(PushMode mode, int phase, int count, Duration period) throws Exception {
    Histogram callMicros = Phase.newHistogram();
    long encodesBefore = mode.encodes();
    long allocatedBefore = THREADS.getCurrentThreadAllocatedBytes();
    long cpuBefore = THREADS.getCurrentThreadCpuTime();
    long periodNanos = period.toNanos();
    long startNanos = System.nanoTime();
    long startMicros = Micros.now();
    for (int seq = 0; seq < count; seq++) {
      long due = startNanos + seq * periodNanos;
      for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
        LockSupport.parkNanos(wait);
      }
      Tick tick = new Tick(phase, seq, startMicros + seq * periodNanos / 1_000, "ACME", price(seq));
      long callStart = System.nanoTime();
      mode.push(tick);
      callMicros.recordValue(Math.min((System.nanoTime() - callStart) / 1_000, Phase.MAX_MICROS));
    }
    return new Cost(
        count,
        callMicros,
        THREADS.getCurrentThreadAllocatedBytes() - allocatedBefore,
        THREADS.getCurrentThreadCpuTime() - cpuBefore,
        mode.encodes() - encodesBefore);
  }

  /** A price that moves, so that the payload is not the same string every time. */
  private static BigDecimal price(int seq) {
    return BigDecimal.valueOf(101_250 + (seq * 37L) % 2_000, 3);
  }
}
