package io.switchboard.undertow.broadcast;

import io.switchboard.Broadcaster;
import io.switchboard.WsSession;
import io.switchboard.json.CodecRegistry;
import io.switchboard.undertow.send.OutboundMessage;
import io.switchboard.undertow.session.ServerSession;
import io.switchboard.undertow.session.SessionRegistry;
import io.switchboard.undertow.stats.StatsCounters;

/**
 * Broadcasts to the sessions of one endpoint. Each call encodes the push once; every recipient's
 * queue gets the same {@link OutboundMessage}, and only a {@code ByteBuffer} view of it is made
 * per recipient, at write time. No lock is held while iterating or writing: sessions that join or
 * leave meanwhile may or may not get the message, every other one does.
 */
public final class EndpointBroadcaster implements Broadcaster {

  private final SessionRegistry sessions;
  private final RoomRegistry rooms;
  private final CodecRegistry codecs;
  private final StatsCounters stats;

  public EndpointBroadcaster(
      SessionRegistry sessions, RoomRegistry rooms, CodecRegistry codecs, StatsCounters stats) {
    this.sessions = sessions;
    this.rooms = rooms;
    this.codecs = codecs;
    this.stats = stats;
  }

  @Override
  public int toAll(String event, Object payload) {
    return fanOut(sessions.live(), null, encode(event, payload));
  }

  @Override
  public int toAllExcept(WsSession excluded, String event, Object payload) {
    return fanOut(sessions.live(), excluded, encode(event, payload));
  }

  @Override
  public int toRoom(String room, String event, Object payload) {
    return fanOut(rooms.live(room), null, encode(event, payload));
  }

  @Override
  public int toRoomExcept(String room, WsSession excluded, String event, Object payload) {
    return fanOut(rooms.live(room), excluded, encode(event, payload));
  }

  @Override
  public int toSession(String sessionId, String event, Object payload) {
    OutboundMessage message = encode(event, payload);
    ServerSession session = sessions.get(sessionId);
    return session != null && session.deliver(message) ? 1 : 0;
  }

  private OutboundMessage encode(String event, Object payload) {
    stats.broadcast();
    return OutboundMessage.push(Pushes.encode(event, payload, codecs));
  }

  private static int fanOut(
      Iterable<ServerSession> recipients, WsSession excluded, OutboundMessage message) {
    int queued = 0;
    for (ServerSession session : recipients) {
      if (session != excluded && session.deliver(message)) {
        queued++;
      }
    }
    return queued;
  }
}
