package io.switchboard.undertow.send;

import io.switchboard.CloseReason;
import io.switchboard.SlowConsumerPolicy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A session's outbound messages, bounded in bytes, written one batch at a time: the messages that
 * waited while the previous batch was being written go to the network together, in one write, and
 * only when that batch was written. A client that stops reading therefore makes this queue (and
 * nothing else) fill up; a session that produces replies faster than its IO thread gets to them
 * has them leave in one system call instead of one each. When the queue is full the session's
 * {@link SlowConsumerPolicy} decides: {@code CLOSE} drops everything queued and reports an
 * overflow; {@code DROP_OLDEST} discards the oldest waiting pushes to make room.
 *
 * <p>Thread-safe. The lock guards only the queue's bookkeeping; writes happen outside it, on the
 * connection's IO thread.
 */
public final class OutboundQueue {

  /**
   * At most this many messages in one write: below Undertow's high-water mark of queued frames
   * (50), past which it stops reading the connection.
   */
  public static final int MAX_BATCH_MESSAGES = 32;

  /**
   * A batch takes no message that would bring it past this many bytes, nor past a quarter of the
   * queue's bound; its first message goes whatever its size.
   */
  static final int MAX_BATCH_BYTES = 64 * 1024;

  /** Where messages go: the connection. */
  public interface Wire {
    /**
     * Has {@link OutboundQueue#writeWaiting()} called on the connection's IO thread, soon; when
     * called there, possibly only once the messages the connection is reading were handled.
     */
    void scheduleWrite(OutboundQueue queue);

    /**
     * Writes the messages in order and as one network write where it can, on the IO thread; then
     * calls {@link OutboundQueue#written} or {@link OutboundQueue#failed} with the same list.
     */
    void write(List<OutboundMessage> batch, OutboundQueue queue);

    /** Sends the close frame; nothing is written after it. */
    void writeClose(CloseReason reason);
  }

  /** What became of an offered message. */
  public enum Offer {
    /** Queued, possibly after dropping older pushes (see {@link #dropped()}). */
    QUEUED,
    /**
     * The queue is full of what cannot be dropped (the {@code CLOSE} policy, or replies): nothing
     * was queued, and the session is to be closed.
     */
    OVERFLOW,
    /**
     * Under {@code DROP_OLDEST}, a push that found no room even after dropping the older ones: it
     * was dropped itself.
     */
    DROPPED,
    /** The session is closing or closed: nothing was queued. */
    CLOSED
  }

  /** Stands for the close frame in the write loop. */
  private static final List<OutboundMessage> CLOSE_FRAME = List.of();

  private final Wire wire;
  private final long maxBytes;
  private final int batchMessages;
  private final long batchBytes;
  private final QueueStats stats;
  private volatile SlowConsumerPolicy policy = SlowConsumerPolicy.CLOSE;

  // Guarded by this.
  // Waiting messages, created when one first has to wait: an idle session never needs it.
  private ArrayDeque<OutboundMessage> queue;
  private long queuedBytes; // waiting plus being written
  private boolean writing; // a write is scheduled or under way
  private boolean insideWrite;
  private boolean completedInside;
  private CloseReason closeAfterQueue;
  private boolean closed;
  private long dropped;

  /** Receives the queue's counts as they change, for server stats. */
  public interface QueueStats {
    /** Messages and bytes queued (including those being written) went up or down. */
    void queuedChanged(int messages, long bytes);

    void dropped(int messages);

    void written(OutboundMessage message);
  }

  /**
   * @param maxBatchMessages at most this many messages in one write, up to {@link
   *     #MAX_BATCH_MESSAGES}: fewer where each frame in flight holds a buffer of its own (a
   *     compressed frame holds a pooled one until it is written)
   */
  public OutboundQueue(Wire wire, long maxBytes, int maxBatchMessages, QueueStats stats) {
    this.wire = wire;
    this.maxBytes = maxBytes;
    this.batchMessages = Math.max(1, Math.min(maxBatchMessages, MAX_BATCH_MESSAGES));
    // Messages being written cannot be dropped: a batch keeps most of the bound for those that can.
    this.batchBytes = Math.min(MAX_BATCH_BYTES, maxBytes / 4);
    this.stats = stats;
  }

  public void policy(SlowConsumerPolicy policy) {
    this.policy = policy;
  }

  public SlowConsumerPolicy policy() {
    return policy;
  }

  /** Queues a message; never blocks. */
  public Offer offer(OutboundMessage message) {
    boolean schedule = false;
    int droppedNow = 0;
    boolean discard = false;
    boolean overflow = false;
    synchronized (this) {
      if (closed || closeAfterQueue != null) {
        return Offer.CLOSED;
      }
      if (wouldOverflow(message) && policy == SlowConsumerPolicy.DROP_OLDEST) {
        droppedNow = dropOldestPushes(message.size());
        if (wouldOverflow(message) && message.isPush()) {
          dropped++; // no room even so: this push is the one to lose
          droppedNow++;
          discard = true;
        }
      }
      if (!discard && wouldOverflow(message)) {
        overflow = true; // the pushes dropped to make room stay dropped, and counted below
      } else if (!discard) {
        queuedBytes += message.size();
        waiting().add(message);
        schedule = !writing;
        writing = true;
      }
    }
    if (droppedNow > 0) {
      stats.dropped(droppedNow);
    }
    if (overflow) {
      return Offer.OVERFLOW;
    }
    if (discard) {
      return Offer.DROPPED;
    }
    stats.queuedChanged(1, message.size());
    if (schedule) {
      wire.scheduleWrite(this);
    }
    return Offer.QUEUED;
  }

  /** A message larger than the bound alone still goes out when nothing else is queued. */
  private boolean wouldOverflow(OutboundMessage message) {
    return queuedBytes > 0 && queuedBytes + message.size() > maxBytes;
  }

  private ArrayDeque<OutboundMessage> waiting() {
    if (queue == null) {
      queue = new ArrayDeque<>();
    }
    return queue;
  }

  private int dropOldestPushes(int needed) {
    int count = 0;
    long freed = 0;
    for (Iterator<OutboundMessage> it = waiting().iterator();
        it.hasNext() && queuedBytes - freed + needed > maxBytes; ) {
      OutboundMessage queued = it.next();
      if (queued.isPush()) {
        it.remove();
        freed += queued.size();
        count++;
      }
    }
    queuedBytes -= freed;
    dropped += count;
    stats.queuedChanged(-count, -freed);
    return count;
  }

  /**
   * Writes what waits, batch after batch, until nothing does or a write has to wait for the
   * network; called on the IO thread, through {@link Wire#scheduleWrite}. A write that completes
   * inside {@link Wire#write} (the usual case) continues this loop rather than recursing, so a long
   * queue never deepens the stack.
   */
  public void writeWaiting() {
    List<OutboundMessage> batch;
    while (true) {
      synchronized (this) {
        batch = nextBatch();
        if (batch == null || batch == CLOSE_FRAME) {
          break;
        }
        insideWrite = true;
        completedInside = false;
      }
      wire.write(batch, this);
      synchronized (this) {
        insideWrite = false;
        if (!completedInside) {
          return; // written() will continue from the IO thread
        }
      }
    }
    if (batch == CLOSE_FRAME) {
      wire.writeClose(closeAfterQueue);
    }
  }

  /** Called by the wire when a batch was written. */
  public void written(List<OutboundMessage> batch) {
    long bytes = 0;
    for (OutboundMessage message : batch) {
      stats.written(message);
      bytes += message.size();
    }
    stats.queuedChanged(-batch.size(), -bytes);
    synchronized (this) {
      queuedBytes -= bytes;
      if (insideWrite) {
        completedInside = true;
        return;
      }
    }
    writeWaiting();
  }

  /** Called by the wire when a write failed: the connection is gone, nothing more is written. */
  public void failed(List<OutboundMessage> batch) {
    long released;
    int releasedMessages;
    synchronized (this) {
      released = queuedBytes;
      releasedMessages = depth() + batch.size(); // and the ones that failed
      closed = true;
      queue = null;
      queuedBytes = 0;
      writing = false;
      if (insideWrite) {
        completedInside = false;
      }
    }
    stats.queuedChanged(-releasedMessages, -released);
  }

  /**
   * The next messages to write, as many as the batch's bounds allow; {@link #CLOSE_FRAME} when the close frame is due, the queue being
   * closed from now on; null when there is nothing to write. Holds the lock.
   */
  private List<OutboundMessage> nextBatch() {
    OutboundMessage first = queue == null ? null : queue.poll();
    if (first != null) {
      if (queue.isEmpty()) {
        return List.of(first);
      }
      List<OutboundMessage> batch = new ArrayList<>(Math.min(queue.size() + 1, batchMessages));
      batch.add(first);
      long bytes = first.size();
      for (OutboundMessage next;
          batch.size() < batchMessages
              && (next = queue.peek()) != null
              && bytes + next.size() <= batchBytes; ) {
        batch.add(queue.poll());
        bytes += next.size();
      }
      return batch;
    }
    writing = false;
    if (closeAfterQueue != null && !closed) {
      closed = true;
      return CLOSE_FRAME;
    }
    return null;
  }

  /** Sends a close frame once the messages already queued are written. */
  public void closeAfterQueued(CloseReason reason) {
    synchronized (this) {
      if (closed || closeAfterQueue != null) {
        return;
      }
      closeAfterQueue = reason;
      if (writing) {
        return; // nextBatch() sends it after the last message
      }
      closed = true;
    }
    wire.writeClose(reason);
  }

  /**
   * The close this queue sent, or will send once the batch being written is out; null when the
   * server asked for none. A client that stops reading mid-batch never lets that close leave, and
   * its connection is dropped: the close is still why the session ended.
   */
  public synchronized CloseReason closing() {
    return closeAfterQueue;
  }

  /**
   * Discards every waiting message and sends a close frame after those being written, if any:
   * for a slow consumer, whose queued messages would never get through anyway.
   */
  public void closeNow(CloseReason reason) {
    long released;
    int releasedMessages;
    boolean sendNow;
    synchronized (this) {
      if (closed) {
        return;
      }
      long inFlight = writing ? queuedBytes - sum(queue) : 0;
      released = queuedBytes - inFlight;
      releasedMessages = depth();
      queue = null;
      queuedBytes = inFlight;
      closeAfterQueue = reason;
      sendNow = !writing;
      if (sendNow) {
        closed = true;
      }
    }
    stats.queuedChanged(-releasedMessages, -released);
    if (sendNow) {
      wire.writeClose(reason);
    }
  }

  private static long sum(ArrayDeque<OutboundMessage> messages) {
    long total = 0;
    if (messages == null) {
      return 0;
    }
    for (OutboundMessage m : messages) {
      total += m.size();
    }
    return total;
  }

  /** Whether the queued messages fill a batch: more would not leave in one write. */
  public synchronized boolean fillsBatch() {
    return queue != null && (queue.size() >= batchMessages || queuedBytes >= batchBytes);
  }

  /** Bytes queued, including the messages being written. */
  public synchronized long queuedBytes() {
    return queuedBytes;
  }

  /** Messages waiting, not counting those being written. */
  public synchronized int depth() {
    return queue == null ? 0 : queue.size();
  }

  /** Pushes dropped so far under {@code DROP_OLDEST}. */
  public synchronized long dropped() {
    return dropped;
  }
}
