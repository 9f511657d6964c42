package io.switchboard.undertow.broadcast;

import io.switchboard.Broadcaster;
import io.switchboard.WsSession;
import io.switchboard.json.CodecRegistry;
import io.switchboard.undertow.cluster.Target;
import io.switchboard.undertow.stats.StatsCounters;
import io.switchboard.undertow.wire.Pushes;

/**
 * Broadcasts to the sessions of one endpoint. Each call encodes the push once and hands the bytes
 * to its {@link Route}: the cluster bus, which delivers to this node's sessions and to every other
 * node's, or, for a node-scoped {@code @Every} method, this node's sessions only. The sender is
 * excluded by session id, so that it is excluded on every node.
 */
public final class EndpointBroadcaster implements Broadcaster {

  /** Where encoded pushes go; returns how many sessions of this node they were queued for. */
  @FunctionalInterface
  public interface Route {
    int send(Target target, byte[] message, String exceptSessionId);
  }

  private final String endpoint;
  private final Route route;
  private final RoomRegistry rooms;
  private final CodecRegistry codecs;
  private final StatsCounters stats;
  private final boolean thisNodeOnly;

  /** @param thisNodeOnly whether {@code route} reaches this node's sessions only */
  public EndpointBroadcaster(
      String endpoint,
      Route route,
      RoomRegistry rooms,
      CodecRegistry codecs,
      StatsCounters stats,
      boolean thisNodeOnly) {
    this.endpoint = endpoint;
    this.route = route;
    this.rooms = rooms;
    this.codecs = codecs;
    this.stats = stats;
    this.thisNodeOnly = thisNodeOnly;
  }

  @Override
  public int toAll(String event, Object payload) {
    return route.send(Target.all(endpoint), encode(event, payload), null);
  }

  @Override
  public int toAllExcept(WsSession excluded, String event, Object payload) {
    return route.send(Target.all(endpoint), encode(event, payload), excluded.id());
  }

  @Override
  public int toRoom(String room, String event, Object payload) {
    return toRoom(room, event, payload, null);
  }

  @Override
  public int toRoomExcept(String room, WsSession excluded, String event, Object payload) {
    return toRoom(room, event, payload, excluded.id());
  }

  /** Through the room's history, if it keeps one, which numbers the push. */
  private int toRoom(String room, String event, Object payload, String exceptSessionId) {
    stats.broadcast();
    Target target = Target.room(endpoint, room);
    if (!rooms.keepsHistory(room)) {
      return route.send(target, Pushes.encode(event, payload, codecs), exceptSessionId);
    }
    return rooms.publish(
        room,
        Pushes.numbered(event, payload, codecs, room),
        message -> route.send(target, message, exceptSessionId),
        exceptSessionId,
        thisNodeOnly);
  }

  @Override
  public int toSession(String sessionId, String event, Object payload) {
    return route.send(Target.session(endpoint, sessionId), encode(event, payload), null);
  }

  private byte[] encode(String event, Object payload) {
    stats.broadcast();
    return Pushes.encode(event, payload, codecs);
  }
}
