package io.switchboard.redis.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for cluster state that no event announces (presence replicated from another node, a
 * connection state), checking often, failing after a timeout.
 */
public final class Eventually {

  private Eventually() {}

  /** Waits until {@code condition} holds; returns how long that took. */
  public static Duration within(Duration timeout, String what, BooleanSupplier condition) {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("not within " + timeout.toMillis() + " ms: " + what);
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail("interrupted waiting until " + what);
      }
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }
}
