package io.switchboard.bench.fanout;

import com.example.bench.Tick;
import io.switchboard.WsSession;
import io.switchboard.undertow.SwitchboardServer;
import java.util.List;

/**
 * Switchboard's broadcast to a room that every subscriber is in: {@code Broadcaster.toRoom}, with
 * or without the room's history ({@code --history}), to weigh what keeping history costs. The
 * subscribers join the room on the first push of a phase that finds some missing (the warm-up),
 * on every node of a cluster; the pushes are made on the first.
 */
final class ToRoom implements PushMode {

  private final List<SwitchboardServer> nodes;
  private final String path;
  private final String room;

  ToRoom(SwitchboardServer server, String path, String room) {
    this(List.of(server), path, room);
  }

  ToRoom(List<SwitchboardServer> nodes, String path, String room) {
    this.nodes = List.copyOf(nodes);
    this.path = path;
    this.room = room;
  }

  @Override
  public String name() {
    return "room " + room;
  }

  @Override
  public void push(Tick tick) {
    for (SwitchboardServer node : nodes) {
      if (node.rooms(path).count(room) < node.sessions(path).count()) {
        for (WsSession session : node.sessions(path).all()) {
          session.join(room);
        }
      }
    }
    nodes.get(0).broadcaster(path).toRoom(room, "tick", tick);
  }

  @Override
  public long encodes() {
    return nodes.get(0).stats().broadcasts();
  }
}
