package io.switchboard.undertow.cluster;

/** The node's side of a {@link ClusterBus}: hands an encoded push to the local sessions it targets. */
@FunctionalInterface
public interface LocalDelivery {

  /**
   * Queues {@code message}, a push already encoded, for every session of this node that {@code
   * target} matches, but the one whose id is {@code exceptSessionId} (null for none). Never blocks.
   *
   * @return how many sessions it was queued for
   */
  int deliver(Target target, byte[] message, String exceptSessionId);
}
