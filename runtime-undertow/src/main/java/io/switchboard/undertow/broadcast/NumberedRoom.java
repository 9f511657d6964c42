package io.switchboard.undertow.broadcast;

import io.switchboard.undertow.cluster.SharedHistory;
import io.switchboard.undertow.send.OutboundMessage;
import io.switchboard.undertow.session.ServerSession;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One room's delivery on this node when the cluster keeps its history ({@link SharedHistory}):
 * the last offset delivered here, which a join takes as its offset; the members that joined before
 * it was known; and the members being recovered, whose pushes wait until their replay is read.
 * Every method runs under the object's monitor, held by {@link RoomRegistry}, which also holds it
 * while a numbered push is delivered: so a member gets every push after its join offset once, in
 * order.
 */
final class NumberedRoom {

  private record Held(long offset, OutboundMessage push) {}

  private final String room;
  private long last = RoomRegistry.UNKNOWN_OFFSET;
  private final Set<ServerSession> offsetUnknown = new HashSet<>();
  private final Map<ServerSession, List<Held>> recovering = new HashMap<>();

  NumberedRoom(String room) {
    this.room = room;
  }

  /** A member joined: its join offset, or {@link RoomRegistry#UNKNOWN_OFFSET} until it is known. */
  long joined(ServerSession session) {
    if (last == RoomRegistry.UNKNOWN_OFFSET) {
      offsetUnknown.add(session);
    }
    return last;
  }

  /** The room's last offset was read ({@link SharedHistory#lastOffset}); -1 if it could not be. */
  void lastOffsetRead(long read) {
    if (read < 0) {
      return; // the next push tells
    }
    last = Math.max(last, read);
    for (ServerSession session : offsetUnknown) {
      session.joinOffsetKnown(room, read);
    }
    offsetUnknown.clear();
  }

  /** A member is being recovered: its pushes wait for its replay. */
  void recovering(ServerSession session) {
    recovering.put(session, new ArrayList<>());
  }

  void delivering(long offset) {
    last = Math.max(last, offset);
  }

  void deliver(ServerSession member, long offset, OutboundMessage push, String exceptSessionId) {
    if (offsetUnknown.remove(member)) {
      member.joinOffsetKnown(room, offset - 1); // it gets every push from this one on
    }
    if (member.id().equals(exceptSessionId)) {
      return;
    }
    List<Held> held = recovering.get(member);
    if (held != null) {
      held.add(new Held(offset, push));
    } else {
      member.deliver(push);
    }
  }

  /**
   * A member's replay was read: queues it (unless null: the history did not reach back, or could
   * not be read), then the pushes held meanwhile that it does not hold already.
   *
   * @param asked the offset the recovery asked to replay from
   * @param lastRead the room's last offset as read with the replay, -1 if it could not be read
   */
  RoomRegistry.Recovery recovered(
      ServerSession session, long asked, SharedHistory.Replay replay, long lastRead) {
    List<Held> held = recovering.remove(session);
    if (held == null) {
      held = List.of(); // it left the room meanwhile
    }
    if (replay != null) {
      for (byte[] message : replay.messages()) {
        session.deliver(OutboundMessage.push(message));
      }
      last = Math.max(last, replay.last());
      for (Held push : held) {
        if (push.offset() > replay.last()) {
          session.deliver(push.push());
        }
      }
      return new RoomRegistry.Recovery(true, replay.messages().size(), asked);
    }
    for (Held push : held) {
      session.deliver(push.push());
    }
    long joinOffset;
    if (!held.isEmpty()) {
      joinOffset = held.get(0).offset() - 1;
    } else if (lastRead >= 0) {
      last = Math.max(last, lastRead);
      joinOffset = lastRead;
    } else {
      joinOffset = joined(session);
    }
    return new RoomRegistry.Recovery(false, 0, joinOffset);
  }
}
