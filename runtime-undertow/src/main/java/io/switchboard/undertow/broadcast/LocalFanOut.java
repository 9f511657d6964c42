package io.switchboard.undertow.broadcast;

import io.switchboard.undertow.cluster.Target;
import io.switchboard.undertow.send.OutboundMessage;
import io.switchboard.undertow.session.ServerSession;
import io.switchboard.undertow.session.SessionRegistry;

/**
 * Queues an encoded push for the sessions of one endpoint on this node that a {@link Target}
 * matches. Every recipient's queue gets the same {@link OutboundMessage}; only a {@code ByteBuffer}
 * view of it is made per recipient, at write time. No lock is held while iterating: sessions that
 * join or leave meanwhile may or may not get the message, every other one does.
 */
public final class LocalFanOut {

  /** Keeps a direct message for a session whose connection dropped and that may come back. */
  @FunctionalInterface
  public interface AwaySessions {
    /** Whether {@code sessionId} is away and the message was kept (or dropped, over its bound). */
    boolean keep(String sessionId, OutboundMessage message);
  }

  private final SessionRegistry sessions;
  private final RoomRegistry rooms;
  private final AwaySessions away;

  public LocalFanOut(SessionRegistry sessions, RoomRegistry rooms, AwaySessions away) {
    this.sessions = sessions;
    this.rooms = rooms;
    this.away = away;
  }

  /** Returns how many sessions the push was queued for. */
  public int deliver(Target target, byte[] message, String exceptSessionId) {
    OutboundMessage push = OutboundMessage.push(message);
    return switch (target.kind()) {
      case ALL -> fanOut(sessions.live(), exceptSessionId, push);
      case ROOM -> fanOut(rooms.live(target.name()), exceptSessionId, push);
      case SESSION -> {
        ServerSession session = sessions.get(target.name());
        if (session == null) {
          yield away.keep(target.name(), push) ? 1 : 0;
        }
        yield session.deliver(push) ? 1 : 0;
      }
    };
  }

  private static int fanOut(
      Iterable<ServerSession> recipients, String exceptSessionId, OutboundMessage message) {
    int queued = 0;
    for (ServerSession session : recipients) {
      if (!session.id().equals(exceptSessionId) && session.deliver(message)) {
        queued++;
      }
    }
    return queued;
  }
}
