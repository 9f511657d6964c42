package io.switchboard;

import java.util.Collection;
import java.util.Set;

/**
 * The rooms of one endpoint: named groups of sessions that {@link WsSession#join(String)} fills and
 * that empty themselves as sessions leave or close. Injectable into handlers and {@link Every}
 * methods.
 */
public interface Rooms {

  /** The names of the rooms that have at least one member, a snapshot. */
  Set<String> names();

  /** The members of a room, a snapshot; empty if the room does not exist. */
  Collection<WsSession> members(String room);

  /** How many sessions are in a room. */
  int count(String room);
}
