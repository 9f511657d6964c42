package io.switchboard;

import java.util.Collection;
import java.util.Set;

/**
 * The rooms of one endpoint: named groups of sessions that {@link WsSession#join(String)} fills and
 * that empty themselves as sessions leave or close. This interface answers <em>for this node</em>:
 * with a cluster of nodes, {@link Presence#list(String)} lists a room's members on every node, and
 * {@link Broadcaster#toRoom} reaches them all. Injectable into handlers and {@link Every} methods.
 */
public interface Rooms {

  /** The names of the rooms that have at least one member on this node, a snapshot. */
  Set<String> names();

  /** The members of a room on this node, a snapshot; empty if it has none here. */
  Collection<WsSession> members(String room);

  /** How many sessions of this node are in a room. */
  int count(String room);
}
