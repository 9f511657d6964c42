package io.switchboard;

import java.util.Collection;
import java.util.Optional;

/** The open sessions of one endpoint. Injectable into handlers and {@link Every} methods. */
public interface Sessions {

  /** A snapshot of the open sessions. */
  Collection<WsSession> all();

  /** The open session with this id. */
  Optional<WsSession> find(String id);

  /** How many sessions are open. */
  int count();
}
