package io.switchboard;

import java.util.Collection;
import java.util.Optional;

/**
 * The open sessions of one endpoint <em>on this node</em>. With a cluster of nodes, {@link
 * Presence} is the view of every node, and {@link Broadcaster#toSession} reaches a session wherever
 * it is connected. Injectable into handlers and {@link Every} methods.
 */
public interface Sessions {

  /** A snapshot of the open sessions of this node. */
  Collection<WsSession> all();

  /** The open session with this id, if it is connected to this node. */
  Optional<WsSession> find(String id);

  /** How many sessions are open on this node. */
  int count();
}
