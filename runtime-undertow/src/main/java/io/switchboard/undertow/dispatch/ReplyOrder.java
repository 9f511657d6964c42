package io.switchboard.undertow.dispatch;

import io.switchboard.undertow.send.OutboundMessage;
import io.switchboard.undertow.session.ServerSession;

/**
 * Keeps a session's replies in the order of its requests, even when a handler returns a {@code
 * CompletionStage} that completes after later requests were answered: each request reserves a
 * slot on arrival, and a completed reply waits until the ones before it are out.
 */
final class ReplyOrder {

  /** The place of one request's reply. */
  final class Slot {
    private OutboundMessage reply;
    private boolean done;

    /** Sends {@code reply} (null for none) once every earlier slot is complete. */
    void complete(OutboundMessage reply) {
      ReplyOrder.this.complete(this, reply);
    }
  }

  private final ServerSession session;
  private final Runnable delivered;
  private final CompactQueue<Slot> slots = new CompactQueue<>(); // guarded by this

  /**
   * @param delivered told, outside this order's lock, that replies left it: a session that stopped
   *     reading for the replies it held may read again
   */
  ReplyOrder(ServerSession session, Runnable delivered) {
    this.session = session;
    this.delivered = delivered;
  }

  /** How many replies wait for their turn, or for their handler. */
  synchronized int waiting() {
    return slots.size();
  }

  synchronized Slot reserve() {
    Slot slot = new Slot();
    slots.add(slot);
    return slot;
  }

  private void complete(Slot slot, OutboundMessage reply) {
    boolean left = false;
    synchronized (this) {
      if (slot.done) {
        return;
      }
      slot.done = true;
      slot.reply = reply;
      // Delivering under this lock keeps replies ordered between completing threads; delivery
      // only appends to the outbound queue and never blocks.
      for (Slot head = slots.peek(); head != null && head.done; head = slots.peek()) {
        slots.poll();
        left = true;
        if (head.reply != null) {
          session.deliver(head.reply);
        }
      }
    }
    if (left) {
      delivered.run(); // outside this lock: it takes the pipeline's
    }
  }
}
