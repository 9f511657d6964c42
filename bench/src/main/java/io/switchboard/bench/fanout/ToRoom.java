package io.switchboard.bench.fanout;

import com.example.bench.Tick;
import io.switchboard.WsSession;
import io.switchboard.undertow.SwitchboardServer;

/**
 * Switchboard's broadcast to a room that every subscriber is in: {@code Broadcaster.toRoom}, with
 * or without the room's history ({@code --history}), to weigh what keeping history costs. The
 * subscribers join the room on the first push of a phase that finds some missing (the warm-up).
 */
final class ToRoom implements PushMode {

  private final SwitchboardServer server;
  private final String path;
  private final String room;

  ToRoom(SwitchboardServer server, String path, String room) {
    this.server = server;
    this.path = path;
    this.room = room;
  }

  @Override
  public String name() {
    return "room " + room;
  }

  @Override
  public void push(Tick tick) {
    if (server.rooms(path).count(room) < server.sessions(path).count()) {
      for (WsSession session : server.sessions(path).all()) {
        session.join(room);
      }
    }
    server.broadcaster(path).toRoom(room, "tick", tick);
  }

  @Override
  public long encodes() {
    return server.stats().broadcasts();
  }
}
