package io.switchboard.undertow.cluster;

import io.switchboard.undertow.wire.Pushes;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.LongConsumer;

/**
 * Room history kept by the cluster bus for every node (the Redis bus keeps a capped stream per
 * room), so that a client coming back through another node recovers there. A push to a room that
 * keeps history is numbered where it is stored, in the same atomic step that publishes it, and
 * reaches the members of every node, the publishing one's too, through {@link
 * LocalDelivery#deliverNumbered}, in offset order.
 */
public interface SharedHistory {

  /**
   * Numbers, stores and publishes a push to a room that keeps history: the room keeps its last
   * {@code capacity} pushes, and its offsets and epoch for {@code keepFor} after its last push
   * (then the room starts again with a new epoch).
   *
   * @return false if the store is unreachable: nothing was published, and the caller delivers the
   *     push to this node's members without an offset
   */
  boolean publish(
      Target room, Pushes.Numbered push, String exceptSessionId, int capacity, Duration keepFor);

  /**
   * Reads the room's last offset once every push of it that will reach this node up to that
   * offset has been delivered here (so that a join made before can take it as its offset); the
   * node has subscribed to the room just before. Calls {@code then} with -1 if it cannot be read.
   */
  void lastOffset(Target room, LongConsumer then);

  /**
   * Reads the pushes of a room after {@code offset}, if its history still reaches back to the one
   * right after it, none older than {@code retention}, and {@code epoch} (null if the client named
   * none) is the room's. Read once every earlier push of the room that reaches this node has.
   */
  CompletionStage<Replay> after(Target room, long offset, String epoch, Duration retention);

  /**
   * What {@link #after} found.
   *
   * @param reaches whether the history reached back to the offset asked for
   * @param last the room's last offset when it was read
   * @param messages the pushes after the offset, oldest first (empty unless {@code reaches})
   */
  record Replay(boolean reaches, long last, List<byte[]> messages) {}
}
