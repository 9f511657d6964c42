package io.switchboard.undertow.history;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * The history of one room: its last pushes, each with its offset, already encoded. Offsets start at
 * 1 and grow by one per push; the epoch names this log's incarnation, so that an offset from an
 * older one (before a restart) is never taken for one of this. Every method runs under the log's
 * monitor, which is also what orders a room's pushes against its joins and recoveries: see {@link
 * io.switchboard.undertow.broadcast.RoomRegistry}.
 */
public final class RoomLog {

  /** One retained push. */
  public record Entry(long offset, long atNanos, byte[] message) {}

  private final String epoch;
  private final int capacity;
  private final long retentionNanos;
  private final ArrayDeque<Entry> entries = new ArrayDeque<>();
  private long last;
  private long lastPushNanos; // the log's creation until the first push
  private long vacantSince; // since when the room has had no member on this node; -1 while it has
  private boolean retired; // taken out of its RoomHistory: the room's numbering goes on in a new log

  RoomLog(String epoch, HistoryRule rule) {
    this.epoch = epoch;
    this.capacity = rule.messages();
    this.retentionNanos = rule.retention().toNanos();
    this.lastPushNanos = System.nanoTime();
    this.vacantSince = lastPushNanos;
  }

  public String epoch() {
    return epoch;
  }

  /** The offset of the last push, 0 before the first. */
  public synchronized long lastOffset() {
    return last;
  }

  /**
   * Appends the push of the next offset, encoded by {@code encoder} with that offset, and hands it
   * to {@code send} before any other push, join or recovery of the room can happen.
   *
   * @return what {@code send} returned, or {@link #RETIRED} (nothing sent) if the log was retired
   */
  synchronized int publish(Encoder encoder, ToIntFunction<byte[]> send) {
    if (retired) {
      return RETIRED;
    }
    long offset = last + 1;
    byte[] message = encoder.encode(offset, epoch);
    long now = System.nanoTime();
    lastPushNanos = now;
    entries.addLast(new Entry(offset, now, message));
    last = offset;
    if (entries.size() > capacity) {
      entries.removeFirst();
    }
    trim(now);
    return send.applyAsInt(message);
  }

  /**
   * The pushes after {@code offset}, oldest first; null when history no longer reaches back to
   * the one right after it (trimmed by count or age) or {@code offset} is ahead of the log.
   */
  public synchronized List<Entry> after(long offset) {
    trim(System.nanoTime());
    if (offset > last || offset < 0) {
      return null;
    }
    if (offset == last) {
      return List.of();
    }
    Entry oldest = entries.peekFirst();
    if (oldest == null || oldest.offset() > offset + 1) {
      return null;
    }
    List<Entry> missed = new ArrayList<>((int) (last - offset));
    for (Entry entry : entries) {
      if (entry.offset() > offset) {
        missed.add(entry);
      }
    }
    return missed;
  }

  /**
   * Whether the log was retired by its {@link RoomHistory}: whoever holds it (a join, a push) takes
   * the room's current log instead. Check it under the log's monitor.
   */
  public synchronized boolean retired() {
    return retired;
  }

  /** The room has a member on this node again; called under the log's monitor by the join. */
  public synchronized void occupied() {
    vacantSince = -1;
  }

  /** The room's last member on this node left. */
  public synchronized void vacated() {
    vacantSince = System.nanoTime();
  }

  /**
   * Retires the log if nobody can need it any more: the room has had no member here, and no push,
   * for longer than both the retention (so every entry has expired) and {@code recoveryWindow} (so
   * no session that left it by dropping its connection can still come back for it).
   */
  synchronized boolean retireIfIdle(long now, long recoveryWindowNanos) {
    long idleFor = now - Math.max(vacantSince, lastPushNanos);
    if (vacantSince < 0 || idleFor <= Math.max(retentionNanos, recoveryWindowNanos)) {
      return false;
    }
    retired = true;
    entries.clear();
    return true;
  }

  /** What {@link #publish} returns for a retired log, which sent nothing. */
  static final int RETIRED = -1;

  private void trim(long now) {
    Iterator<Entry> oldestFirst = entries.iterator();
    while (oldestFirst.hasNext() && now - oldestFirst.next().atNanos() > retentionNanos) {
      oldestFirst.remove();
    }
  }

  /** Encodes a push once its offset is known. */
  @FunctionalInterface
  public interface Encoder {
    byte[] encode(long offset, String epoch);
  }
}
