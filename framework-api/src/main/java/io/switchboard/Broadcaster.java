package io.switchboard;

/**
 * Pushes events to sessions of one endpoint. Each call encodes {@code {"event":…,"data":…}} once
 * and queues the same bytes for every recipient; it never blocks on a slow client. Injectable into
 * any handler or {@link Every} method (scoped to that handler's endpoint), and available from the
 * server handle for code outside handlers.
 *
 * <p>With a cluster of nodes ({@code docs/scaling.md}) every method reaches the recipients on every
 * node, each once: the payload is encoded here, once, and the same bytes travel.
 *
 * <p>Every method returns the number of sessions <em>of this node</em> the message was queued for.
 * Deliveries on other nodes happen asynchronously and are not counted: on a single node the number
 * is the whole count; in a cluster, 0 does not mean that nobody received it.
 *
 * @throws IllegalArgumentException (from every method) if the payload's type has no codec:
 *     annotate it with {@link WsMessage}
 */
public interface Broadcaster {

  /** To every open session of the endpoint. */
  int toAll(String event, Object payload);

  /** To every open session but {@code excluded} (typically the sender). */
  int toAllExcept(WsSession excluded, String event, Object payload);

  /** To the members of a room. */
  int toRoom(String room, String event, Object payload);

  /** To the members of a room but {@code excluded}. */
  int toRoomExcept(String room, WsSession excluded, String event, Object payload);

  /**
   * To one session by id, wherever it is connected; returns 0 if it is not (or no longer) connected
   * to this node.
   */
  int toSession(String sessionId, String event, Object payload);
}
