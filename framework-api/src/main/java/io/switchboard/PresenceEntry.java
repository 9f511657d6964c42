package io.switchboard;

import java.util.Map;
import java.util.Set;

/**
 * One tracked session, as {@link Presence} lists it.
 *
 * @param sessionId the session's id
 * @param node the id of the node the session is connected to
 * @param rooms the rooms it is in
 * @param attributes what the app published with {@link Presence#track}
 */
public record PresenceEntry(
    String sessionId, String node, Set<String> rooms, Map<String, String> attributes) {

  public PresenceEntry {
    rooms = Set.copyOf(rooms);
    attributes = Map.copyOf(attributes);
  }

  /** An attribute's value, or null. */
  public String attribute(String name) {
    return attributes.get(name);
  }
}
