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

  /** Told how many replies left the order, so that a session that stopped reading reads again. */
  interface Drain {
    void delivered(int replies);
  }

  private final ServerSession session;
  private final Drain drain;
  private final CompactQueue<Slot> slots = new CompactQueue<>(); // guarded by this

  ReplyOrder(ServerSession session, Drain drain) {
    this.session = session;
    this.drain = drain;
  }

  synchronized Slot reserve() {
    Slot slot = new Slot();
    slots.add(slot);
    return slot;
  }

  private void complete(Slot slot, OutboundMessage reply) {
    int delivered = 0;
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
        delivered++;
        if (head.reply != null) {
          session.deliver(head.reply);
        }
      }
    }
    if (delivered > 0) {
      drain.delivered(delivered); // outside this lock: it takes the pipeline's
    }
  }
}
