package io.switchboard.test;

import io.switchboard.CloseReason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * The messages a client received and nobody has taken yet, in arrival order, plus how the
 * connection ended. The WebSocket listener thread adds; test threads take the first message that
 * matches what they wait for, so a push that arrives while a test waits for a reply stays here for
 * a later {@code awaitEvent}. Waiting is on a condition with a deadline, never a sleep.
 */
final class Inbox {

  private final java.util.function.Consumer<Received> onArrival;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final List<Received> messages = new ArrayList<>();
  private CloseReason closed;
  private Throwable failure;

  /** @param onArrival sees each message as it arrives, before any wait can take it */
  Inbox(java.util.function.Consumer<Received> onArrival) {
    this.onArrival = onArrival;
  }

  void add(Received message) {
    onArrival.accept(message);
    lock.lock();
    try {
      messages.add(message);
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** The connection ended: a close frame ({@code failure} null) or a transport error. */
  void end(CloseReason reason, Throwable failure) {
    lock.lock();
    try {
      if (closed == null) {
        closed = reason;
        this.failure = failure;
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Removes and returns the first message that matches, waiting up to {@code timeout} for it.
   *
   * @param what what the caller waits for, for the failure message ("the reply to call #3")
   * @throws AssertionError on timeout, or at once when the connection ended without such a message
   */
  Received take(Predicate<Received> matching, Duration timeout, String what) {
    long remaining = timeout.toNanos();
    lock.lock();
    try {
      while (true) {
        for (Iterator<Received> it = messages.iterator(); it.hasNext(); ) {
          Received message = it.next();
          if (matching.test(message)) {
            it.remove();
            return message;
          }
        }
        if (closed != null) {
          throw new AssertionError(
              "connection closed ("
                  + describe(closed)
                  + ") while waiting for "
                  + what
                  + unclaimed(),
              failure);
        }
        if (remaining <= 0) {
          throw new AssertionError(
              "no " + what + " within " + timeout.toMillis() + " ms" + unclaimed());
        }
        remaining = changed.awaitNanos(remaining);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for " + what, e);
    } finally {
      lock.unlock();
    }
  }

  /** Waits until the connection has ended and returns how. */
  CloseReason awaitEnd(Duration timeout) {
    lock.lock();
    try {
      long remaining = timeout.toNanos();
      while (closed == null) {
        if (remaining <= 0) {
          throw new AssertionError(
              "connection still open after " + timeout.toMillis() + " ms" + unclaimed());
        }
        remaining = changed.awaitNanos(remaining);
      }
      return closed;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for the close", e);
    } finally {
      lock.unlock();
    }
  }

  /** Whether the connection has ended, without waiting. */
  boolean hasEnded() {
    lock.lock();
    try {
      return closed != null;
    } finally {
      lock.unlock();
    }
  }

  private String unclaimed() {
    if (messages.isEmpty()) {
      return "; nothing else was received";
    }
    List<String> shown = new ArrayList<>();
    for (Received message : messages.subList(0, Math.min(messages.size(), 10))) {
      shown.add(message.toString());
    }
    String more =
        messages.size() > shown.size() ? " and " + (messages.size() - shown.size()) + " more" : "";
    return "; received meanwhile: " + shown + more;
  }

  private static String describe(CloseReason reason) {
    return reason.reason().isEmpty()
        ? String.valueOf(reason.code())
        : reason.code() + " " + reason.reason();
  }
}
