package io.switchboard.undertow.history;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToIntFunction;

/**
 * The in-memory history of one endpoint's rooms: a {@link RoomLog} for each room a {@link
 * HistoryRule} covers, made on its first push or join. A log holds at most its rule's count of
 * pushes, none older than its retention; the epoch is random per log, so that a restarted server
 * never answers for offsets of the one before.
 *
 * <p>A log that nobody can need any more (no member on this node and no push for longer than both
 * its retention and the recovery window) is retired when new logs are made, at most once a second:
 * so rooms that come and go ({@code ticker-*}) do not pile up. If its room is used again it gets a
 * new log with a new epoch, which tells a client holding offsets of the old one that it cannot
 * recover them, which is true: they had all expired.
 */
public final class RoomHistory {

  private static final SecureRandom RANDOM = new SecureRandom();

  private static final long SWEEP_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final List<HistoryRule> rules;
  private final long recoveryWindowNanos;
  private final Map<String, RoomLog> logs = new ConcurrentHashMap<>();
  private final AtomicLong lastSweep = new AtomicLong(System.nanoTime());

  /** @param recoveryWindow how long a session that dropped its connection may come back */
  public RoomHistory(List<HistoryRule> rules, Duration recoveryWindow) {
    this.rules = List.copyOf(rules);
    this.recoveryWindowNanos = recoveryWindow.toNanos();
  }

  /** The log of {@code room}, or null if the room keeps no history. */
  public RoomLog log(String room) {
    RoomLog log = logs.get(room);
    if (log != null || rules.isEmpty()) {
      return log;
    }
    HistoryRule rule = rule(room);
    if (rule == null) {
      return null;
    }
    retireIdleLogs();
    return logs.computeIfAbsent(room, name -> new RoomLog(newEpoch(), rule));
  }

  /** The rule that gives {@code room} its history, or null if it keeps none. */
  public HistoryRule rule(String room) {
    for (HistoryRule rule : rules) {
      if (rule.matches(room)) {
        return rule;
      }
    }
    return null;
  }

  /**
   * How long a room's offsets must outlive its last push: its retention, then the recovery window
   * of a session that left it by dropping its connection.
   */
  public Duration keepFor(HistoryRule rule) {
    return rule.retention().plusNanos(recoveryWindowNanos);
  }

  /** The log {@code room} has now, without making one; null if none. */
  public RoomLog existing(String room) {
    return logs.get(room);
  }

  /**
   * Publishes a push to a room that keeps history, through its current log (see {@link
   * RoomLog#publish}).
   */
  public int publish(String room, RoomLog.Encoder encoder, ToIntFunction<byte[]> send) {
    while (true) {
      int sent = log(room).publish(encoder, send);
      if (sent != RoomLog.RETIRED) {
        return sent;
      }
    }
  }

  /** How many rooms have a log. */
  public int size() {
    return logs.size();
  }

  private void retireIdleLogs() {
    long now = System.nanoTime();
    long last = lastSweep.get();
    if (now - last < SWEEP_EVERY_NANOS || !lastSweep.compareAndSet(last, now)) {
      return;
    }
    logs.forEach(
        (room, log) -> {
          synchronized (log) {
            if (log.retireIfIdle(now, recoveryWindowNanos)) {
              logs.remove(room, log);
            }
          }
        });
  }

  public boolean isEmpty() {
    return rules.isEmpty();
  }

  private static String newEpoch() {
    byte[] bytes = new byte[6];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
