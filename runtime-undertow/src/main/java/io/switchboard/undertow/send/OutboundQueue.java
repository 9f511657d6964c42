package io.switchboard.undertow.send;

import io.switchboard.CloseReason;
import io.switchboard.SlowConsumerPolicy;
import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * A session's outbound messages, bounded in bytes, written one at a time: a message goes to the
 * network only when the previous one was written, so a client that stops reading makes this queue
 * (and nothing else) fill up. When it is full the session's {@link SlowConsumerPolicy} decides:
 * {@code CLOSE} drops everything queued and reports an overflow; {@code DROP_OLDEST} discards the
 * oldest pushes to make room.
 *
 * <p>Thread-safe. The lock guards only the queue's bookkeeping; writes happen outside it.
 */
public final class OutboundQueue {

  /** Where messages go: the connection. */
  public interface Wire {
    /** Writes one message, then calls {@link OutboundQueue#written} or {@link OutboundQueue#failed}. */
    void write(OutboundMessage message, OutboundQueue queue);

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
  private static final OutboundMessage CLOSE_FRAME = OutboundMessage.text(new byte[0]);

  private final Wire wire;
  private final long maxBytes;
  private final QueueStats stats;
  private volatile SlowConsumerPolicy policy = SlowConsumerPolicy.CLOSE;

  // Guarded by this.
  // Waiting messages, created when one first has to wait: an idle session never needs it.
  private ArrayDeque<OutboundMessage> queue;
  private long queuedBytes; // queued plus the one being written
  private boolean writing;
  private boolean insideWrite;
  private boolean completedInside;
  private CloseReason closeAfterQueue;
  private boolean closed;
  private long dropped;

  /** Receives the queue's counts as they change, for server stats. */
  public interface QueueStats {
    /** Messages and bytes queued (including the one being written) went up or down. */
    void queuedChanged(int messages, long bytes);

    void dropped(int messages);

    void written(OutboundMessage message);
  }

  public OutboundQueue(Wire wire, long maxBytes, QueueStats stats) {
    this.wire = wire;
    this.maxBytes = maxBytes;
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
    OutboundMessage first = null;
    int droppedNow = 0;
    boolean discard = false;
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
        return Offer.OVERFLOW;
      }
      if (!discard) {
        queuedBytes += message.size();
        if (writing) {
          waiting().add(message);
        } else {
          writing = true; // nothing waits when nothing is being written: this one goes first
          first = message;
        }
      }
    }
    if (droppedNow > 0) {
      stats.dropped(droppedNow);
    }
    if (discard) {
      return Offer.DROPPED;
    }
    stats.queuedChanged(1, message.size());
    if (first != null) {
      writeFrom(first);
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
   * Writes {@code message} and then whatever follows; the caller owns the {@code writing} flag. A
   * write that completes inside {@link Wire#write} (the usual case on the IO thread) continues this
   * loop rather than recursing, so a long queue never deepens the stack.
   */
  private void writeFrom(OutboundMessage message) {
    OutboundMessage next = message;
    while (next != null) {
      if (next == CLOSE_FRAME) {
        wire.writeClose(closeAfterQueue);
        return;
      }
      synchronized (this) {
        insideWrite = true;
        completedInside = false;
      }
      wire.write(next, this);
      synchronized (this) {
        insideWrite = false;
        if (!completedInside) {
          return; // written() will continue from the IO thread
        }
        next = pollNext();
      }
    }
  }

  /** Called by the wire when a message was written. */
  public void written(OutboundMessage message) {
    stats.written(message);
    stats.queuedChanged(-1, -message.size());
    OutboundMessage next;
    synchronized (this) {
      queuedBytes -= message.size();
      if (insideWrite) {
        completedInside = true;
        return;
      }
      next = pollNext();
    }
    writeFrom(next);
  }

  /** Called by the wire when a write failed: the connection is gone, nothing more is written. */
  public void failed(OutboundMessage message) {
    long released;
    int releasedMessages;
    synchronized (this) {
      released = queuedBytes;
      releasedMessages = depth() + 1; // and the one that failed
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
   * The next message to write; {@link #CLOSE_FRAME} when the close frame is due, the queue being
   * closed from now on; null when there is nothing to write. Holds the lock.
   */
  private OutboundMessage pollNext() {
    OutboundMessage next = queue == null ? null : queue.poll();
    if (next != null) {
      return next;
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
        return; // pollNext() sends it after the last message
      }
      closed = true;
    }
    wire.writeClose(reason);
  }

  /**
   * Discards every queued message and sends a close frame after the one being written, if any:
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

  /** Bytes queued, including the message being written. */
  public synchronized long queuedBytes() {
    return queuedBytes;
  }

  /** Messages waiting, not counting the one being written. */
  public synchronized int depth() {
    return queue == null ? 0 : queue.size();
  }

  /** Pushes dropped so far under {@code DROP_OLDEST}. */
  public synchronized long dropped() {
    return dropped;
  }
}
