package io.switchboard.undertow.cluster;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * Sessions whose connection dropped, known to every node of the cluster, so that a client coming
 * back through another node recovers there. The node that kept a session stores a record of it
 * (its rooms, presence and claims); exactly one node ends it: the one its client comes back to
 * (which takes it over), or the one that kept it once the window passed (which closes it).
 */
public interface SharedAwaySessions {

  /**
   * A session whose client may come back (it asked for recovery) opened on this node: another node
   * its client comes back to before this one noticed the drop asks this one to drop the connection
   * ({@link LocalDelivery#dropStale}).
   */
  void opened(String endpoint, String token, String sessionId, String principal);

  /** The session of {@code token} ended on this node for good (a close, not a drop). */
  void ended(String endpoint, String token);

  /** Stores the record of a session of this node whose connection dropped, for {@code window}. */
  void keep(String endpoint, String token, String sessionId, String principal, byte[] record, Duration window);

  /**
   * This node takes back one of its away sessions (its client came back here, or the window
   * passed): false if another node took it over first. True when the store is unreachable.
   */
  CompletionStage<Boolean> takeBack(String endpoint, String token);

  /**
   * Takes over an away session that another node kept, if {@code token} names one whose principal
   * is {@code principal} (null for none). If the session is still open there (its client knew of
   * the drop first), that node is asked to drop the connection as lost, and the session is taken
   * once it is kept. Waits for the store and for that node, a second at most for each.
   *
   * @return what that node stored, or null
   */
  Moved takeOver(String endpoint, String token, String principal);

  /** An away session taken over from {@code fromNode}: its id and the record that node stored. */
  record Moved(String sessionId, String fromNode, byte[] record) {}

  /**
   * Asks the node a session moved from for the direct messages it kept, once this node subscribed
   * to the session's messages. They are delivered here (through {@link LocalDelivery#deliver})
   * before the stage completes, ahead of any direct message sent since; the stage completes with
   * null if that node did not answer within a second (it stopped): then what was sent since is
   * delivered, what it kept is lost.
   */
  CompletionStage<LocalDelivery.Kept> handOver(String endpoint, String sessionId, String fromNode);

  /** How long {@link #handOver} waits for the other node. */
  Duration HAND_OVER_TIMEOUT = Duration.ofSeconds(1);
}
