package io.switchboard.undertow.broadcast;

import io.switchboard.Rooms;
import io.switchboard.WsSession;
import io.switchboard.undertow.cluster.ClusterBus;
import io.switchboard.undertow.cluster.Target;
import io.switchboard.undertow.session.ServerSession;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rooms of one endpoint on this node: room name → local members. A room exists while it has
 * members; joining and leaving are atomic per room, and broadcasts iterate a room's members without
 * locking. The cluster bus is subscribed to a room while it exists here, and told so inside the same
 * atomic step, so that its subscribe and unsubscribe calls for one room never cross.
 */
public final class RoomRegistry implements Rooms {

  private final String endpoint;
  private final ClusterBus bus;
  private final Map<String, Set<ServerSession>> rooms = new ConcurrentHashMap<>();

  public RoomRegistry(String endpoint, ClusterBus bus) {
    this.endpoint = endpoint;
    this.bus = bus;
  }

  public void add(String room, ServerSession session) {
    rooms.compute(
        room,
        (name, members) -> {
          Set<ServerSession> set = members;
          if (set == null) {
            set = ConcurrentHashMap.newKeySet();
            bus.subscribe(Target.room(endpoint, name));
          }
          set.add(session);
          return set;
        });
  }

  public void remove(String room, ServerSession session) {
    rooms.computeIfPresent(
        room,
        (name, members) -> {
          members.remove(session);
          if (members.isEmpty()) {
            bus.unsubscribe(Target.room(endpoint, name));
            return null;
          }
          return members;
        });
  }

  /** The members, live and weakly consistent (for broadcasts); empty for an unknown room. */
  public Collection<ServerSession> live(String room) {
    Set<ServerSession> members = rooms.get(room);
    return members != null ? members : Set.of();
  }

  @Override
  public Set<String> names() {
    return Set.copyOf(rooms.keySet());
  }

  @Override
  public Collection<WsSession> members(String room) {
    return List.copyOf(live(room));
  }

  @Override
  public int count(String room) {
    return live(room).size();
  }

  /** How many rooms have members. */
  public int size() {
    return rooms.size();
  }
}
