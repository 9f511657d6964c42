package io.switchboard.redis.app;

import io.switchboard.Broadcaster;
import io.switchboard.Every;
import io.switchboard.OnOpen;
import io.switchboard.Presence;
import io.switchboard.Sessions;
import io.switchboard.WsCommand;
import io.switchboard.WsEndpoint;
import io.switchboard.WsException;
import io.switchboard.WsMessage;
import io.switchboard.WsSession;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** docs/scaling.md's example, as printed there: run by {@code ScalingGuideTest}. */
@WsEndpoint("/lobby")
public final class Lobby {

  @WsMessage
  public record Clock(Instant now) {}

  @WsMessage
  public record Load(String node, int sessions) {}

  private final String node;

  /** Named after the host, as discovery creates it. */
  public Lobby() {
    this(System.getenv().getOrDefault("HOSTNAME", "node"));
  }

  public Lobby(String node) {
    this.node = node;
  }

  @OnOpen
  void joined(WsSession session, Presence presence) {
    session.join("lobby");
    presence.track(session, Map.of("name", "guest"));
  }

  @WsCommand("name")
  String name(WsSession session, String name, Presence presence) {
    if (!presence.claim(session, "name", name.toLowerCase(Locale.ROOT))) {
      throw new WsException("name_taken", "someone is already called " + name);
    }
    presence.track(session, Map.of("name", name));
    return "You are now " + name;
  }

  @WsCommand("who")
  List<String> who(Presence presence) {
    return presence.list("lobby").stream().map(entry -> entry.attribute("name")).toList();
  }

  @WsCommand("shout")
  void shout(String text, Broadcaster everyone) {
    everyone.toRoom("lobby", "shout", text); // members on every node, each once
  }

  @Every("1s") // one node at a time runs it: every client gets each tick once
  void clock(Broadcaster everyone) {
    everyone.toAll("clock", new Clock(Instant.now()));
  }

  @Every(value = "1s", scope = Every.Scope.NODE) // every node runs it, for its own sessions
  void load(Broadcaster thisNode, Sessions here) {
    thisNode.toAll("load", new Load(node, here.count()));
  }
}
