package io.switchboard.undertow.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.function.BooleanSupplier;

/**
 * Waits for a condition on server state that no event announces (a count going down after a close
 * on an IO thread), checking often, failing after a timeout.
 */
public final class Await {

  private Await() {}

  public static void until(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + WsClient.TIMEOUT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("timed out waiting until " + what);
      }
      Thread.sleep(5);
    }
  }
}
