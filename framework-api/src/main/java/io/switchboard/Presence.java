package io.switchboard;

import java.util.List;
import java.util.Map;

/**
 * Who is online on every node of the cluster, per endpoint and per room: the cluster-wide view that
 * {@link Sessions} and {@link Rooms} (this node only) do not give. A session appears here once the
 * app {@link #track tracks} it, with the attributes it chooses to publish (a nickname, not the
 * whole session), and disappears when it closes or is {@link #untrack untracked}. Its rooms follow
 * its {@link WsSession#join joins} and {@link WsSession#leave leaves} by themselves.
 *
 * <p>On one node this is an in-memory map. With a cluster bus ({@code docs/scaling.md}) every node
 * keeps a replica: reads never wait for the network, and a change on one node shows on the others
 * within about a second. Injectable into handlers and {@link Every} methods.
 */
public interface Presence {

  /** Publishes (or replaces) the attributes of a session; it is listed from now on. */
  void track(WsSession session, Map<String, String> attributes);

  /** Removes a session from the listing; closing it does so too. Untracked sessions: a no-op. */
  void untrack(WsSession session);

  /** Every tracked session of this endpoint, on every node, ordered by session id. */
  List<PresenceEntry> list();

  /** The tracked members of a room, on every node, ordered by session id. */
  List<PresenceEntry> list(String room);

  /** How many sessions {@link #list()} holds. */
  int count();

  /** How many tracked sessions are in a room, on every node. */
  int count(String room);

  /**
   * Takes {@code value} as this session's value of a unique attribute, such as a nickname, unless
   * another session of the endpoint holds it on any node; the session's previous value of that
   * attribute, if any, is given back. A value is held until it is given back or its session closes.
   * Values are compared as given: normalise them first (e.g. lower-case) for a case-insensitive
   * rule.
   *
   * <p>With a cluster bus this asks the cluster, so it may wait for the network (a second at most);
   * call it from a handler that may block, not a {@link NonBlocking} one. While the cluster is
   * unreachable, values are unique on this node only.
   *
   * @return whether the session now holds the value
   */
  boolean claim(WsSession session, String attribute, String value);
}
