package io.switchboard.undertow.cluster;

import io.switchboard.PresenceEntry;
import java.util.Collection;

/**
 * Everything that crosses the nodes of a cluster: pushes, presence, unique claims and leases. The
 * server holds one bus; {@link LocalBus} is the single-node bus, and a module such as {@code
 * switchboard-redis} adds another through a {@link ClusterBusProvider}. A bus must never block an
 * IO or handler thread on the network (but for {@link #claim}, which may wait up to a second), and
 * must keep local service going when its remote side is unreachable.
 */
public interface ClusterBus {

  /**
   * Starts the bus; pushes from other nodes go to {@code local}. Called once, before the server
   * accepts connections. It must return even when the remote side is unreachable, and connect
   * later by itself.
   */
  void start(LocalDelivery local);

  /**
   * Delivers an encoded push to the sessions of this node that {@code target} matches (through the
   * {@link LocalDelivery}, at once, on this thread) and to those of every other node, each once,
   * never to {@code exceptSessionId}. Pushes of one thread reach every node in the order sent.
   *
   * @return how many sessions of this node it was queued for
   */
  int publish(Target target, byte[] message, String exceptSessionId);

  /**
   * Local sessions now need the pushes of {@code target} (the first member of a room joined, a
   * session opened): from now on the bus receives them from other nodes. Calls for one target come
   * in order, alternating with {@link #unsubscribe}; the first may come before {@link #start}.
   */
  void subscribe(Target target);

  /** No local session needs the pushes of {@code target} any more. */
  void unsubscribe(Target target);

  /** Publishes (or replaces) the presence entry of a session of this node. */
  void putPresence(String endpoint, PresenceEntry entry);

  /** Removes the presence entry of a session of this node. */
  void removePresence(String endpoint, String sessionId);

  /** The presence entries of the other nodes, as last known; never waits for the network. */
  Collection<PresenceEntry> remotePresence(String endpoint);

  /**
   * Takes {@code key} for {@code sessionId} across the cluster, unless another session holds it.
   * May wait for the network, a second at most; when the remote side is unreachable it answers
   * true (the node's own claims are checked before this is called).
   */
  boolean claim(String endpoint, String key, String sessionId);

  /** Gives back a key that {@code sessionId} holds. Never blocks. */
  void release(String endpoint, String key, String sessionId);

  /**
   * Whether this node holds the lease {@code name}, which at most one node of the cluster holds at
   * a time; the first call makes the bus try to take it, and renew it from then on. Never waits for
   * the network: it answers from the last renewal.
   */
  boolean holdsLease(String name);

  /** Stops contending for a lease and gives it back if this node holds it. Never blocks. */
  void releaseLease(String name);

  /**
   * Whether pushes from other nodes reach this node now. While they do not, a cluster-wide
   * {@code @Every} method that this node does not hold the lease of runs here for this node's
   * sessions (false for the single-node bus, which has no other nodes).
   */
  boolean hearsOtherNodes();

  /** Whether the bus reaches the other nodes now (always true for the single-node bus). */
  boolean connected();

  /** Pushes to other nodes that could not be sent (the remote side was unreachable). */
  long droppedPublishes();

  /** This node's id, unique in the cluster. */
  String nodeId();

  /**
   * The room history the bus keeps for every node, or null: then each node keeps its own, in
   * memory, and a room's history cannot be used with more than one node.
   */
  default SharedHistory sharedHistory() {
    return null;
  }

  /** The away sessions the bus makes known to every node, or null: then each node keeps its own. */
  default SharedAwaySessions sharedAwaySessions() {
    return null;
  }

  /** Stops the bus, removing this node's presence entries and leases from the cluster at once. */
  void close();
}
