package com.example.rooms;

import io.switchboard.Broadcaster;
import io.switchboard.CloseReason;
import io.switchboard.OnClose;
import io.switchboard.OnOpen;
import io.switchboard.Presence;
import io.switchboard.WsCommand;
import io.switchboard.WsEndpoint;
import io.switchboard.WsMessage;
import io.switchboard.WsSession;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Rooms, presence and direct messages, for the tests of session recovery. */
@WsEndpoint("/rooms")
public class RoomsEndpoint {

  private final AtomicInteger opened = new AtomicInteger();
  private final AtomicInteger closed = new AtomicInteger();

  @OnOpen
  void opened(WsSession session) {
    opened.incrementAndGet();
  }

  @OnClose
  void closed(WsSession session, CloseReason reason) {
    closed.incrementAndGet();
  }

  @WsCommand("join")
  void join(WsSession session, String room) {
    session.join(room);
  }

  /** Shows the session in presence under a name. */
  @WsCommand("track")
  void track(WsSession session, Presence presence, String name) {
    presence.track(session, Map.of("name", name));
  }

  @WsCommand("present")
  List<String> present(Presence presence) {
    return presence.list().stream().map(entry -> entry.sessionId() + ":" + entry.rooms()).toList();
  }

  @WsCommand("rooms")
  List<String> rooms(WsSession session) {
    return session.rooms().stream().sorted().toList();
  }

  /** Pushes {@code count} numbered lines to a room, from the server. */
  @WsCommand("burst")
  int burst(Burst burst, Broadcaster everyone) {
    for (int n = 1; n <= burst.count(); n++) {
      everyone.toRoom(burst.room(), "line", new Line(burst.room(), n));
    }
    return burst.count();
  }

  @WsCommand("tell")
  int tell(Tell tell, Broadcaster everyone) {
    return everyone.toSession(tell.to(), "direct", tell);
  }

  /** How many times {@code @OnOpen} and {@code @OnClose} ran. */
  @WsCommand("lifecycle")
  List<Integer> lifecycle() {
    return List.of(opened.get(), closed.get());
  }

  public record Burst(String room, int count) {}

  @WsMessage
  public record Line(String room, int n) {}

  public record Tell(String to, String text) {}
}
