package io.switchboard.undertow.session;

import io.switchboard.undertow.StatusCodes;
import io.undertow.websockets.core.WebSockets;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.XnioExecutor;

/**
 * Keeps one session honest: pings it every {@code interval} and closes it when the pong does not
 * come back within {@code pongTimeout}; closes it when it sent no message for {@code idleTimeout}.
 * Timers run on the connection's IO thread and stop with {@link #stop()}.
 */
public final class Heartbeat {

  private static final Logger LOG = LoggerFactory.getLogger(Heartbeat.class);

  private final ServerSession session;
  private final long intervalMillis;
  private final long pongTimeoutMillis;
  private final long idleTimeoutNanos;
  private volatile long lastPingNanos;
  private volatile long lastPongNanos = System.nanoTime();
  private volatile long lastMessageNanos = System.nanoTime();
  private volatile boolean stopped;
  private volatile boolean readsHeld;
  private volatile XnioExecutor.Key pingTimer;
  private volatile XnioExecutor.Key checkTimer;
  private volatile XnioExecutor.Key idleTimer;

  public Heartbeat(
      ServerSession session, Duration interval, Duration pongTimeout, Duration idleTimeout) {
    this.session = session;
    this.intervalMillis = interval.toMillis();
    this.pongTimeoutMillis = pongTimeout.toMillis();
    this.idleTimeoutNanos = idleTimeout.toNanos();
  }

  public void start() {
    if (intervalMillis > 0) {
      pingTimer = after(intervalMillis, this::ping);
    }
    if (idleTimeoutNanos > 0) {
      idleTimer = after(TimeUnit.NANOSECONDS.toMillis(idleTimeoutNanos), this::checkIdle);
    }
  }

  /** Any pong counts, solicited or not: the peer is alive. */
  public void pong() {
    lastPongNanos = System.nanoTime();
  }

  /**
   * The server stopped reading the connection while the session's handlers catch up, or started
   * again: a pong it did not read is not the client's fault.
   */
  public void readsHeld(boolean held) {
    readsHeld = held;
  }

  /** The client sent a text or binary message. */
  public void message() {
    lastMessageNanos = System.nanoTime();
  }

  public void stop() {
    stopped = true;
    cancel(pingTimer);
    cancel(checkTimer);
    cancel(idleTimer);
  }

  private void ping() {
    if (stopped || !session.isOpen()) {
      return;
    }
    lastPingNanos = System.nanoTime();
    WebSockets.sendPing(ByteBuffer.allocate(0), session.channel(), null);
    if (pongTimeoutMillis > 0) {
      checkTimer = after(pongTimeoutMillis, this::checkPong);
    }
    pingTimer = after(intervalMillis, this::ping);
  }

  private void checkPong() {
    if (stopped || readsHeld || lastPongNanos - lastPingNanos >= 0) {
      return;
    }
    LOG.info("{}: no pong within {} ms, closing", session, pongTimeoutMillis);
    session.abort(StatusCodes.HEARTBEAT_TIMEOUT);
  }

  private void checkIdle() {
    if (stopped) {
      return;
    }
    long idleFor = System.nanoTime() - lastMessageNanos;
    if (idleFor >= idleTimeoutNanos) {
      LOG.info("{}: idle for {} ms, closing", session, TimeUnit.NANOSECONDS.toMillis(idleFor));
      session.close(StatusCodes.IDLE_TIMEOUT);
      return;
    }
    idleTimer = after(TimeUnit.NANOSECONDS.toMillis(idleTimeoutNanos - idleFor) + 1, this::checkIdle);
  }

  /** Runs {@code task} on the IO thread later; null when that thread is stopping with the server. */
  private XnioExecutor.Key after(long millis, Runnable task) {
    try {
      return session.channel().getIoThread().executeAfter(task, millis, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      return null;
    }
  }

  private static void cancel(XnioExecutor.Key key) {
    if (key != null) {
      key.remove();
    }
  }
}
