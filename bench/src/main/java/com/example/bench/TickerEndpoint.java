package com.example.bench;

import io.switchboard.OnOpen;
import io.switchboard.WsEndpoint;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The fan-out benchmark's endpoint: subscribers connect and only listen; every push comes from
 * the server handle's {@link io.switchboard.Broadcaster} or sessions, with no client trigger. It
 * counts opened sessions so that the benchmark can wait until the server has registered every
 * subscriber before it broadcasts (a client sees its handshake complete slightly earlier).
 */
@WsEndpoint("/ticker")
public class TickerEndpoint {

  private final Semaphore opened = new Semaphore(0);

  /** Runs once the session is registered: from now on every broadcast reaches it. */
  @OnOpen
  void opened() {
    opened.release();
  }

  /** Waits until {@code count} more sessions have opened than the earlier waits took. */
  public boolean awaitOpened(int count, Duration timeout) throws InterruptedException {
    return opened.tryAcquire(count, timeout.toNanos(), TimeUnit.NANOSECONDS);
  }
}
