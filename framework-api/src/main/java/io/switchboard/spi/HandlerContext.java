package io.switchboard.spi;

import io.switchboard.Broadcaster;
import io.switchboard.EndpointInfo;
import io.switchboard.Presence;
import io.switchboard.Rooms;
import io.switchboard.Sessions;
import io.switchboard.WsSession;

/**
 * What generated code passes to handler parameters of the injectable types. The runtime creates
 * it; generated code only reads it.
 */
public interface HandlerContext {

  /**
   * The session the message came from.
   *
   * @throws IllegalStateException in a scheduled method, which has no session
   */
  WsSession session();

  /** Broadcasts to the sessions of this endpoint. */
  Broadcaster broadcaster();

  /** The open sessions of this endpoint on this node. */
  Sessions sessions();

  /** The rooms of this endpoint on this node. */
  Rooms rooms();

  /** Who is online at this endpoint, on every node. */
  Presence presence();

  /** This endpoint's path and commands. */
  EndpointInfo endpoint();
}
