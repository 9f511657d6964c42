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
 * <p>Each method comes in two forms: with a declared {@link Event}, whose payload type the compiler
 * checks and which is part of the endpoint's contract, and with a free string, for names only known
 * at run time.
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

  // The typed forms: the payload is checked against the event's declared type (see Event).

  /** To every open session of the endpoint. */
  default <T> int toAll(Event<T> event, T payload) {
    return toAll(event.name(), payload);
  }

  /** To every open session but {@code excluded} (typically the sender). */
  default <T> int toAllExcept(WsSession excluded, Event<T> event, T payload) {
    return toAllExcept(excluded, event.name(), payload);
  }

  /** To the members of a room. */
  default <T> int toRoom(String room, Event<T> event, T payload) {
    return toRoom(room, event.name(), payload);
  }

  /** To the members of a room but {@code excluded}. */
  default <T> int toRoomExcept(String room, WsSession excluded, Event<T> event, T payload) {
    return toRoomExcept(room, excluded, event.name(), payload);
  }

  /** To one session by id, wherever it is connected; see {@link #toSession(String, String, Object)}. */
  default <T> int toSession(String sessionId, Event<T> event, T payload) {
    return toSession(sessionId, event.name(), payload);
  }
}
