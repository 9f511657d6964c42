package io.switchboard.undertow.broadcast;

import io.switchboard.Rooms;
import io.switchboard.WsSession;
import io.switchboard.undertow.cluster.ClusterBus;
import io.switchboard.undertow.cluster.SharedHistory;
import io.switchboard.undertow.wire.Pushes;
import io.switchboard.undertow.cluster.Target;
import io.switchboard.undertow.history.HistoryRule;
import io.switchboard.undertow.history.RoomHistory;
import io.switchboard.undertow.history.RoomLog;
import io.switchboard.undertow.send.OutboundMessage;
import io.switchboard.undertow.session.ServerSession;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;

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
 *
 * <p>When the cluster bus keeps the history ({@link SharedHistory}), pushes are numbered in the
 * cluster's store and come back to every node, this one's too, in offset order; a {@link
 * NumberedRoom} per room then does here what the log's monitor does on one node.
 */
public final class RoomRegistry implements Rooms {

  /**
   * What a recovery found: whether the history reached back to the session's offset, how many
   * pushes it replayed, and the room's offset once it was a member again.
   */
  public record Recovery(boolean recovered, int missed, long offset) {}

  /** A join offset not known yet: the room is new on this node and its last offset is being read. */
  public static final long UNKNOWN_OFFSET = -1;

  private final String endpoint;
  private final ClusterBus bus;
  private final RoomHistory history;
  /** The cluster's history, or null: this node numbers its rooms' pushes in {@link #history}. */
  private final SharedHistory shared;
  private final Map<String, Set<ServerSession>> rooms = new ConcurrentHashMap<>();
  /** With a shared history: per room with members here that keeps history, its delivery state. */
  private final Map<String, NumberedRoom> numbered = new ConcurrentHashMap<>();

  public RoomRegistry(String endpoint, ClusterBus bus, RoomHistory history) {
    this.endpoint = endpoint;
    this.bus = bus;
    this.history = history;
    this.shared = history.isEmpty() ? null : bus.sharedHistory();
  }

  /** Whether pushes to {@code room} are numbered (it keeps history). */
  public boolean keepsHistory(String room) {
    return history.rule(room) != null;
  }

  /**
   * Makes {@code session} a member.
   *
   * @return the room's last offset at the join, 0 for a room without history
   */
  public long add(String room, ServerSession session) {
    if (shared != null && keepsHistory(room)) {
      return addNumbered(room, session);
    }
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
  public CompletionStage<Recovery> recover(
      String room, ServerSession session, long offset, String epoch, long maxReplayBytes) {
    if (shared != null && keepsHistory(room)) {
      return recoverNumbered(room, session, offset, epoch, maxReplayBytes);
    }
    while (true) {
      RoomLog log = history.log(room);
      if (log == null) {
        return CompletableFuture.completedFuture(new Recovery(false, 0, add(room, session)));
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
              outcome[0] = missed != null
                  ? new Recovery(true, missed.size(), offset) // it holds everything after that now
                  : new Recovery(false, 0, log.lastOffset());
              return set;
            }
          });
      if (outcome[0] != null) {
        return CompletableFuture.completedFuture(outcome[0]);
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
   * Publishes a push to a room that keeps history: through the cluster's history, which numbers it
   * and delivers it on every node (unless {@code thisNodeOnly}, or the cluster's store is
   * unreachable: then to this node's members, unnumbered), else through the room's log here.
   *
   * @param send hands an encoded push to the bus (or to this node's sessions only)
   */
  public int publish(
      String room,
      Pushes.Numbered push,
      ToIntFunction<byte[]> send,
      String exceptSessionId,
      boolean thisNodeOnly) {
    if (shared == null) {
      return history.publish(room, push::with, send);
    }
    HistoryRule rule = history.rule(room);
    if (!thisNodeOnly
        && shared.publish(
            Target.room(endpoint, room), push, exceptSessionId, rule.messages(), history.keepFor(rule))) {
      int members = 0;
      for (ServerSession member : live(room)) {
        members += member.id().equals(exceptSessionId) ? 0 : 1;
      }
      return members; // they get it when it comes back from the store, numbered, as every node does
    }
    return send.applyAsInt(push.unnumbered());
  }

  /** A join to a room whose history the cluster keeps: its offset is the last delivered here. */
  private long addNumbered(String room, ServerSession session) {
    long[] offset = new long[1];
    rooms.compute(
        room,
        (name, members) -> {
          Set<ServerSession> set = members != null ? members : newNumberedRoom(name);
          NumberedRoom state = numbered.get(name);
          synchronized (state) {
            set.add(session);
            offset[0] = state.joined(session);
          }
          return set;
        });
    return offset[0];
  }

  /**
   * A recovery in a room whose history the cluster keeps: the session is a member at once, but the
   * pushes that reach it before its replay is read wait, and go after the replay, those it already
   * holds left out.
   */
  private CompletionStage<Recovery> recoverNumbered(
      String room, ServerSession session, long offset, String epoch, long maxReplayBytes) {
    NumberedRoom[] joined = new NumberedRoom[1];
    rooms.compute(
        room,
        (name, members) -> {
          Set<ServerSession> set = members != null ? members : newNumberedRoom(name);
          joined[0] = numbered.get(name);
          synchronized (joined[0]) {
            set.add(session);
            joined[0].recovering(session);
          }
          return set;
        });
    NumberedRoom state = joined[0];
    return shared
        .after(Target.room(endpoint, room), offset, epoch, history.rule(room).retention())
        .handle(
            (replay, error) -> {
              boolean reaches = error == null && replay.reaches() && bytesOf(replay.messages()) <= maxReplayBytes;
              synchronized (state) {
                return state.recovered(session, offset, reaches ? replay : null, error == null ? replay.last() : -1);
              }
            });
  }

  private static long bytesOf(List<byte[]> messages) {
    long total = 0;
    for (byte[] message : messages) {
      total += message.length;
    }
    return total;
  }

  /**
   * A numbered push from the cluster's history, in offset order: to every member here but the
   * excluded one, and held back for the members whose replay is being read.
   */
  public void deliverNumbered(String room, long offset, byte[] message, String exceptSessionId) {
    NumberedRoom state = numbered.get(room);
    if (state == null) {
      return; // no member here any more
    }
    OutboundMessage push = OutboundMessage.push(message);
    synchronized (state) {
      state.delivering(offset);
      for (ServerSession member : live(room)) {
        state.deliver(member, offset, push, exceptSessionId);
      }
    }
  }

  /** A room whose history the cluster keeps is new here: its last offset is read once subscribed. */
  private Set<ServerSession> newNumberedRoom(String name) {
    Set<ServerSession> set = newRoom(name);
    NumberedRoom state = new NumberedRoom(name);
    numbered.put(name, state);
    shared.lastOffset(
        Target.room(endpoint, name),
        last -> {
          synchronized (state) {
            state.lastOffsetRead(last);
          }
        });
    return set;
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
            numbered.remove(name);
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
