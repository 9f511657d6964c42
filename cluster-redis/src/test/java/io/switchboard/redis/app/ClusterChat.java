package io.switchboard.redis.app;

import io.switchboard.Broadcaster;
import io.switchboard.OnClose;
import io.switchboard.OnOpen;
import io.switchboard.Presence;
import io.switchboard.WsCommand;
import io.switchboard.WsEndpoint;
import io.switchboard.WsException;
import io.switchboard.WsMessage;
import io.switchboard.WsSession;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** A small chat for the cluster tests: rooms, lines to a room or everyone, whispers, presence. */
@WsEndpoint("/cluster")
public final class ClusterChat {

  @WsMessage
  public record Line(Optional<String> room, String text) {}

  @WsMessage
  public record Whisper(String to, String text) {}

  @WsMessage
  public record Said(String from, String text) {}

  private final AtomicInteger opened = new AtomicInteger();
  private final AtomicInteger closed = new AtomicInteger();

  @OnOpen
  void open(WsSession session, Presence presence) {
    opened.incrementAndGet();
    presence.track(session, Map.of("name", "guest"));
    session.send("ready", new Said(session.id(), ""));
  }

  @OnClose
  void close() {
    closed.incrementAndGet();
  }

  /** How many sessions opened and closed on this node: [opened, closed]. */
  @WsCommand("lifecycle")
  List<Integer> lifecycle() {
    return List.of(opened.get(), closed.get());
  }

  @WsCommand("rooms")
  List<String> rooms(WsSession session) {
    return session.rooms().stream().sorted().toList();
  }

  @WsCommand("join")
  String join(WsSession session, String room) {
    session.join(room);
    return "joined " + room;
  }

  @WsCommand("leave")
  String leave(WsSession session, String room) {
    session.leave(room);
    return "left " + room;
  }

  @WsCommand("rename")
  String rename(WsSession session, String name, Presence presence) {
    if (!presence.claim(session, "name", name)) {
      throw new WsException("name_taken", "someone is already called " + name);
    }
    presence.track(session, Map.of("name", name));
    return "renamed " + name;
  }

  @WsCommand("say")
  int say(WsSession session, Line line, Broadcaster broadcaster) {
    Said said = new Said(session.id(), line.text());
    return line.room().isEmpty()
        ? broadcaster.toAllExcept(session, "said", said)
        : broadcaster.toRoomExcept(line.room().get(), session, "said", said);
  }

  @WsCommand("whisper")
  int whisper(WsSession session, Whisper whisper, Broadcaster broadcaster) {
    return broadcaster.toSession(whisper.to(), "whispered", new Said(session.id(), whisper.text()));
  }
}
