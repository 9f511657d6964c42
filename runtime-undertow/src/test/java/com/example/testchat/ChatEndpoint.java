package com.example.testchat;

import io.switchboard.Broadcaster;
import io.switchboard.CloseReason;
import io.switchboard.Every;
import io.switchboard.OnClose;
import io.switchboard.OnOpen;
import io.switchboard.Rooms;
import io.switchboard.Sessions;
import io.switchboard.WsCommand;
import io.switchboard.WsEndpoint;
import io.switchboard.WsException;
import io.switchboard.WsMessage;
import io.switchboard.WsSession;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small chat, compiled by the annotation processor: the runtime tests drive its generated
 * dispatcher and codecs, found through ServiceLoader like an application's.
 */
@WsEndpoint("/chat")
public class ChatEndpoint {

  /** How many times {@link #temperature} ran, across instances. */
  public static final AtomicInteger TEMPERATURE_RUNS = new AtomicInteger();

  public record ChatLine(String text) {}

  @WsMessage
  public record Said(String from, String text) {}

  public record UserInfo(String id, String name) {}

  @WsMessage
  public record Temp(double celsius) {}

  @OnOpen
  void joined(WsSession session, Broadcaster all) {
    session.attributes().put("name", "anonymous");
    session.join("lobby");
    all.toRoomExcept("lobby", session, "joined", new UserInfo(session.id(), "anonymous"));
  }

  @WsCommand
  String hello() {
    return "Hello, human";
  }

  @WsCommand("name")
  String rename(WsSession session, String name) {
    if (name.isBlank()) {
      throw new WsException("name_required", "give a name");
    }
    session.attributes().put("name", name);
    return "you are " + name;
  }

  @WsCommand
  void say(ChatLine line, WsSession session, Broadcaster all) {
    Said said = new Said((String) session.attributes().get("name"), line.text());
    for (String room : session.rooms()) {
      all.toRoomExcept(room, session, "chat", said);
    }
  }

  @WsCommand
  void join(WsSession session, String room) {
    session.join(room);
  }

  @WsCommand
  void leave(WsSession session, String room) {
    session.leave(room);
  }

  @WsCommand
  List<UserInfo> users(Sessions sessions) {
    return sessions.all().stream()
        .map(s -> new UserInfo(s.id(), (String) s.attributes().get("name")))
        .toList();
  }

  @WsCommand
  int count(Rooms rooms, String room) {
    return rooms.count(room);
  }

  @Every("100ms")
  void temperature(Broadcaster all) {
    TEMPERATURE_RUNS.incrementAndGet();
    all.toRoom("weather", "temp", new Temp(21.5));
  }

  @OnClose
  void left(WsSession session, CloseReason reason, Broadcaster all) {
    all.toRoom("lobby", "left", new UserInfo(session.id(), (String) session.attributes().get("name")));
  }
}
