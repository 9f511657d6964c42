package io.switchboard.undertow.send;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.CloseReason;
import io.switchboard.SlowConsumerPolicy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The outbound queue without a network: one batch at a time, what waited meanwhile in the next,
 * the bound, the two policies.
 */
class OutboundQueueTest {

  /**
   * Writes at once, as on the IO thread; records each message and each batch; completes a batch
   * inline when {@code inline}, else when the test says.
   */
  static final class FakeWire implements OutboundQueue.Wire {
    final List<String> writes = new ArrayList<>();
    final List<Integer> batchSizes = new ArrayList<>();
    final List<List<OutboundMessage>> pending = new ArrayList<>();
    CloseReason close;
    boolean inline;
    OutboundQueue queue;

    @Override
    public void scheduleWrite(OutboundQueue q) {
      q.writeWaiting();
    }

    @Override
    public void write(List<OutboundMessage> batch, OutboundQueue q) {
      batch.forEach(message -> writes.add(message.toString()));
      batchSizes.add(batch.size());
      if (inline) {
        q.written(batch);
      } else {
        pending.add(batch);
      }
    }

    @Override
    public void writeClose(CloseReason reason) {
      close = reason;
    }

    void completeNext() {
      queue.written(pending.remove(0));
    }
  }

  static final class Counts implements OutboundQueue.QueueStats {
    long queued;
    long queuedMessages;
    long dropped;
    long written;

    @Override
    public void queuedChanged(int messages, long bytes) {
      queuedMessages += messages;
      queued += bytes;
    }

    @Override
    public void dropped(int messages) {
      dropped += messages;
    }

    @Override
    public void written(OutboundMessage message) {
      written++;
    }
  }

  final FakeWire wire = new FakeWire();
  final Counts counts = new Counts();

  OutboundQueue queue(long maxBytes) {
    wire.queue = new OutboundQueue(wire, maxBytes, OutboundQueue.MAX_BATCH_MESSAGES, counts);
    return wire.queue;
  }

  @Test
  void whatWaitedForAWriteLeavesInOrderInTheNextOne() {
    OutboundQueue q = queue(1000);
    q.offer(OutboundMessage.text("a"));
    q.offer(OutboundMessage.text("b"));
    q.offer(OutboundMessage.text("c"));
    assertEquals(List.of("a"), wire.writes);
    assertEquals(3, counts.queued);
    assertEquals(3, counts.queuedMessages);
    wire.completeNext();
    assertEquals(List.of("a", "b", "c"), wire.writes);
    assertEquals(List.of(1, 2), wire.batchSizes);
    assertEquals(2, counts.queued, "b and c count until they are written");
    wire.completeNext();
    assertEquals(0, q.queuedBytes());
    assertEquals(0, counts.queued);
    assertEquals(0, counts.queuedMessages);
    assertEquals(3, counts.written);
  }

  @Test
  void aBatchHoldsAtMost32MessagesAndAbout64KiB() {
    OutboundQueue q = queue(Long.MAX_VALUE);
    q.offer(OutboundMessage.text("first")); // held, so the rest wait behind it
    for (int i = 0; i < 40; i++) {
      q.offer(OutboundMessage.text("m" + i));
    }
    byte[] quarter = new byte[16 * 1024];
    for (int i = 0; i < 5; i++) {
      q.offer(OutboundMessage.text(quarter));
    }
    wire.completeNext();
    assertEquals(List.of(1, OutboundQueue.MAX_BATCH_MESSAGES), wire.batchSizes);
    wire.completeNext(); // m32..m39 and three 16 KiB messages: 8 small ones plus 48 KiB fit
    wire.completeNext(); // the other two
    assertEquals(List.of(1, 32, 11, 2), wire.batchSizes);
    wire.completeNext();
    assertEquals(46, wire.writes.size());
    assertEquals("m39", wire.writes.get(40));
    assertEquals(0, q.queuedBytes());
  }

  @Test
  void aMessageLargerThanABatchGoesAlone() {
    OutboundQueue q = queue(Long.MAX_VALUE);
    q.offer(OutboundMessage.text("first"));
    q.offer(OutboundMessage.text(new byte[100 * 1024]));
    q.offer(OutboundMessage.text("after"));
    wire.completeNext();
    wire.completeNext();
    assertEquals(List.of(1, 1, 1), wire.batchSizes);
  }

  @Test
  void inlineCompletionsDoNotDeepenTheStack() {
    OutboundQueue q = queue(Long.MAX_VALUE);
    q.offer(OutboundMessage.text("first")); // held, so the rest queue up behind it
    for (int i = 0; i < 1_000_000; i++) {
      q.offer(OutboundMessage.text("m"));
    }
    wire.inline = true;
    wire.completeNext(); // the other 31,250 batches complete inline, in a loop
    assertEquals(1_000_001, wire.writes.size());
    assertEquals(0, q.queuedBytes());
  }

  @Test
  void fullQueueOverflowsUnderClosePolicy() {
    OutboundQueue q = queue(10);
    assertEquals(OutboundQueue.Offer.QUEUED, q.offer(OutboundMessage.push(new byte[6])));
    assertEquals(OutboundQueue.Offer.OVERFLOW, q.offer(OutboundMessage.push(new byte[6])));
    assertEquals(6, q.queuedBytes());
    q.offer(OutboundMessage.push(new byte[0])); // fits: queued behind the one being written
    assertEquals(2, counts.queuedMessages);
    q.closeNow(new CloseReason(1008, "slow consumer"));
    assertEquals(1, counts.queuedMessages, "the one being written is still out");
    assertEquals(null, wire.close, "the close frame waits for the message being written");
    wire.completeNext();
    assertEquals(new CloseReason(1008, "slow consumer"), wire.close);
    assertEquals(0, counts.queuedMessages);
    assertEquals(0, counts.queued);
    assertEquals(OutboundQueue.Offer.CLOSED, q.offer(OutboundMessage.text("late")));
  }

  @Test
  void aSingleMessageLargerThanTheBoundStillGoesOut() {
    OutboundQueue q = queue(10);
    assertEquals(OutboundQueue.Offer.QUEUED, q.offer(OutboundMessage.text("x".repeat(50))));
  }

  @Test
  void dropOldestDropsQueuedPushesButNeverReplies() {
    OutboundQueue q = queue(10);
    q.policy(SlowConsumerPolicy.DROP_OLDEST);
    q.offer(OutboundMessage.push("p0--".getBytes())); // being written: never dropped
    q.offer(OutboundMessage.text("r1"));
    q.offer(OutboundMessage.push("p2".getBytes()));
    q.offer(OutboundMessage.push("p3".getBytes()));
    assertEquals(OutboundQueue.Offer.QUEUED, q.offer(OutboundMessage.push("p4".getBytes())));
    assertEquals(1, q.dropped()); // p2 made room
    wire.completeNext();
    wire.completeNext();
    wire.completeNext();
    wire.completeNext();
    assertEquals(List.of("p0--", "r1", "p3", "p4"), wire.writes);
    assertEquals(List.of(1, 1, 1, 1), wire.batchSizes, "a batch takes at most a quarter of a 10-byte bound");
    assertEquals(1, counts.dropped);
    assertEquals(0, counts.queuedMessages);
    assertEquals(0, counts.queued);
  }

  @Test
  void closeAfterQueuedComesAfterEveryQueuedMessage() {
    OutboundQueue q = queue(100);
    q.offer(OutboundMessage.text("a"));
    q.offer(OutboundMessage.text("b"));
    q.closeAfterQueued(CloseReason.NORMAL);
    assertEquals(OutboundQueue.Offer.CLOSED, q.offer(OutboundMessage.text("c")));
    wire.completeNext();
    assertEquals(null, wire.close);
    wire.completeNext();
    assertEquals(CloseReason.NORMAL, wire.close);
    assertEquals(List.of("a", "b"), wire.writes);
  }

  @Test
  void dropOldestDropsAPushThatFindsNoRoomRatherThanClosing() {
    OutboundQueue q = queue(10);
    q.policy(SlowConsumerPolicy.DROP_OLDEST);
    q.offer(OutboundMessage.text("reply-8b")); // being written, never dropped
    assertEquals(OutboundQueue.Offer.DROPPED, q.offer(OutboundMessage.push("a-big-push".getBytes())));
    assertEquals(1, q.dropped());
    assertEquals(OutboundQueue.Offer.OVERFLOW, q.offer(OutboundMessage.text("a-big-reply")));
    wire.completeNext();
    assertEquals(List.of("reply-8b"), wire.writes);
    assertEquals(0, counts.queuedMessages);
  }

  @Test
  void pushesDroppedForAReplyThatStillOverflowsAreCounted() {
    OutboundQueue q = queue(20);
    q.policy(SlowConsumerPolicy.DROP_OLDEST);
    q.offer(OutboundMessage.text("reply-8b")); // being written, never dropped
    q.offer(OutboundMessage.push("push-6".getBytes()));
    q.offer(OutboundMessage.push("push-6".getBytes()));
    // the pushes go to make room, and there is not enough even so: the reply overflows
    assertEquals(OutboundQueue.Offer.OVERFLOW, q.offer(OutboundMessage.text("a-reply-of-15-b")));
    assertEquals(2, q.dropped());
    assertEquals(2, counts.dropped, "the server's count has them too");
  }

  @Test
  void aBatchKeepsMostOfASmallBoundForWhatCanStillBeDropped() {
    OutboundQueue q = queue(4_000);
    q.policy(SlowConsumerPolicy.DROP_OLDEST);
    q.offer(OutboundMessage.push(new byte[100])); // being written
    for (int i = 0; i < 30; i++) {
      q.offer(OutboundMessage.push(new byte[100]));
    }
    wire.completeNext();
    assertEquals(List.of(1, 10), wire.batchSizes, "1,000 bytes: a quarter of the bound");
    q.offer(OutboundMessage.text(new byte[2_000])); // room is made by dropping waiting pushes
    assertEquals(OutboundQueue.Offer.QUEUED, q.offer(OutboundMessage.text(new byte[10])));
    assertTrue(q.dropped() > 0);
  }

  @Test
  void compressedConnectionsBatchFewerMessages() {
    wire.queue = new OutboundQueue(wire, Long.MAX_VALUE, 4, counts);
    OutboundQueue q = wire.queue;
    for (int i = 0; i < 10; i++) {
      q.offer(OutboundMessage.text("m" + i));
    }
    wire.completeNext();
    wire.completeNext();
    wire.completeNext();
    assertEquals(List.of(1, 4, 4, 1), wire.batchSizes);
  }
}
