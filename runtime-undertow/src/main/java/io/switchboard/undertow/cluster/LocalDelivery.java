package io.switchboard.undertow.cluster;

import java.util.List;

/** The node's side of a {@link ClusterBus}: hands pushes to the local sessions they target. */
public interface LocalDelivery {

  /**
   * Queues {@code message}, a push already encoded, for every session of this node that {@code
   * target} matches, but the one whose id is {@code exceptSessionId} (null for none). Never blocks.
   *
   * @return how many sessions it was queued for
   */
  int deliver(Target target, byte[] message, String exceptSessionId);

  /**
   * Queues a push to a room whose history the bus keeps ({@link SharedHistory}); the pushes of one
   * room come in offset order. Never blocks.
   */
  void deliverNumbered(Target room, long offset, byte[] message, String exceptSessionId);

  /**
   * A session kept away on this node was taken over by another node ({@link SharedAwaySessions}):
   * it ends here without {@code @OnClose}.
   *
   * @return the direct messages kept for it, or null if it is not away here
   */
  Kept movedAway(String endpoint, String sessionId);

  /**
   * The client of a session open on this node came back through another node: this node drops the
   * connection now, as lost, so that the session is kept for that node to take over.
   */
  void dropStale(String endpoint, String sessionId);

  /**
   * Direct messages kept for an away session.
   *
   * @param complete false if some were dropped, over the session's bound
   */
  record Kept(List<byte[]> messages, boolean complete) {}
}
