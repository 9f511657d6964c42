package io.switchboard.undertow.handshake;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts WebSocket connections, open or being upgraded, against the server-wide maximum. A slot is
 * taken before the upgrade, so the limit holds even under a burst of handshakes.
 */
public final class ConnectionLimiter {

  private final int max;
  private final AtomicInteger used = new AtomicInteger();

  public ConnectionLimiter(int max) {
    this.max = max;
  }

  boolean tryAcquire() {
    for (; ; ) {
      int current = used.get();
      if (current >= max) {
        return false;
      }
      if (used.compareAndSet(current, current + 1)) {
        return true;
      }
    }
  }

  void release() {
    used.decrementAndGet();
  }

  public int used() {
    return used.get();
  }
}
