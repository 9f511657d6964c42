package io.switchboard;

/**
 * Pushes events to sessions of one endpoint. Each call encodes {@code {"event":…,"data":…}} once
 * and queues the same bytes for every recipient; it never blocks on a slow client. Injectable into
 * any handler or {@link Every} method (scoped to that handler's endpoint), and available from the
 * server handle for code outside handlers.
 *
 * <p>Every method returns the number of sessions the message was queued for.
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

  /** To one session by id; returns 0 if it is not (or no longer) connected. */
  int toSession(String sessionId, String event, Object payload);
}
