package io.switchboard.undertow.broadcast;

import io.switchboard.Rooms;
import io.switchboard.WsSession;
import io.switchboard.undertow.cluster.ClusterBus;
import io.switchboard.undertow.cluster.Target;
import io.switchboard.undertow.history.RoomHistory;
import io.switchboard.undertow.history.RoomLog;
import io.switchboard.undertow.send.OutboundMessage;
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
 *
 * <p>In a room that keeps history, a join notes the room's last offset, and a recovery replays
 * what the session missed and makes it a member, each inside the room's atomic step and under the
 * room's {@link RoomLog}, which every push to the room also holds while it is appended and
 * delivered: so a member gets every push after its join offset exactly once, in order.
 */
public final class RoomRegistry implements Rooms {

  /**
   * What a recovery found: whether the history reached back to the session's offset, how many
   * pushes it replayed, and the room's offset once it was a member again.
   */
  public record Recovery(boolean recovered, int missed, long offset) {}

  private final String endpoint;
  private final ClusterBus bus;
  private final RoomHistory history;
  private final Map<String, Set<ServerSession>> rooms = new ConcurrentHashMap<>();

  public RoomRegistry(String endpoint, ClusterBus bus, RoomHistory history) {
    this.endpoint = endpoint;
    this.bus = bus;
    this.history = history;
  }

  /**
   * Makes {@code session} a member.
   *
   * @return the room's last offset at the join, 0 for a room without history
   */
  public long add(String room, ServerSession session) {
    while (true) {
      RoomLog log = history.log(room);
      long[] offset = new long[1];
      rooms.compute(
          room,
          (name, members) -> {
            if (log == null) {
              Set<ServerSession> set = members != null ? members : newRoom(name);
              set.add(session);
              return set;
            }
            synchronized (log) {
              if (log.retired()) { // retired before this join could take it: take the new one
                offset[0] = -1;
                return members;
              }
              Set<ServerSession> set = members != null ? members : newRoom(name, log);
              set.add(session);
              offset[0] = log.lastOffset();
              return set;
            }
          });
      if (offset[0] >= 0) {
        return offset[0];
      }
    }
  }

  /**
   * Makes a recovering session a member again, after queueing for it the pushes of the room after
   * {@code offset}, unless history does not reach back that far or {@code epoch} is not the
   * room's (then it only joins, and is told {@code recovered: false}).
   */
  public Recovery recover(String room, ServerSession session, long offset, String epoch, long maxReplayBytes) {
    while (true) {
      RoomLog log = history.log(room);
      if (log == null) {
        return new Recovery(false, 0, add(room, session));
      }
      Recovery[] outcome = new Recovery[1];
      rooms.compute(
          room,
          (name, members) -> {
            synchronized (log) {
              if (log.retired()) {
                return members;
              }
              List<RoomLog.Entry> missed = epoch == null || epoch.equals(log.epoch()) ? log.after(offset) : null;
              if (missed != null && bytes(missed) > maxReplayBytes) {
                missed = null; // more than the session's queue takes: the client reloads instead
              }
              if (missed != null) {
                for (RoomLog.Entry entry : missed) {
                  session.deliver(OutboundMessage.push(entry.message()));
                }
              }
              Set<ServerSession> set = members != null ? members : newRoom(name, log);
              set.add(session);
              outcome[0] = new Recovery(missed != null, missed == null ? 0 : missed.size(), log.lastOffset());
              return set;
            }
          });
      if (outcome[0] != null) {
        return outcome[0];
      }
    }
  }

  private static long bytes(List<RoomLog.Entry> entries) {
    long total = 0;
    for (RoomLog.Entry entry : entries) {
      total += entry.message().length;
    }
    return total;
  }

  /**
   * Publishes a push to a room: through the room's log when it keeps history (the encoder then
   * gets the push's offset), else as is.
   */
  public int publish(String room, RoomLog.Encoder encoder, java.util.function.ToIntFunction<byte[]> send) {
    return history.log(room) == null
        ? send.applyAsInt(encoder.encode(0, null))
        : history.publish(room, encoder, send);
  }

  private Set<ServerSession> newRoom(String name) {
    bus.subscribe(Target.room(endpoint, name));
    return ConcurrentHashMap.newKeySet();
  }

  /** A room that keeps history: its log is told, so that it is not retired while it has members. */
  private Set<ServerSession> newRoom(String name, RoomLog log) {
    log.occupied();
    return newRoom(name);
  }

  public void remove(String room, ServerSession session) {
    rooms.computeIfPresent(
        room,
        (name, members) -> {
          members.remove(session);
          if (members.isEmpty()) {
            bus.unsubscribe(Target.room(endpoint, name));
            RoomLog log = history.existing(name); // the one its members joined: not retired while they were
            if (log != null) {
              log.vacated();
            }
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
