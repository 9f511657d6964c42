package com.example.bench.soak;

import com.example.bench.ChatLine;
import io.switchboard.Broadcaster;
import io.switchboard.WsCommand;
import io.switchboard.WsEndpoint;
import io.switchboard.WsSession;

/**
 * The soak run's chat, shaped like the sample's: a connection joins one room, {@code say} goes to
 * everyone else in its room ({@code toRoomExcept}, so that a flooder does not drown in its own
 * lines), {@code shout} to every connection ({@code toAll}).
 */
@WsEndpoint("/soak")
public class SoakChatEndpoint {

  private static final String ROOM = "room";

  @WsCommand("join")
  String join(WsSession session, String room) {
    session.attributes().put(ROOM, room);
    session.join(room);
    return "joined " + room;
  }

  @WsCommand("say")
  void say(WsSession session, String text, Broadcaster broadcaster) {
    String room = (String) session.attributes().get(ROOM);
    broadcaster.toRoomExcept(room, session, "chat", new ChatLine(room, session.id(), text, System.currentTimeMillis()));
  }

  @WsCommand("shout")
  void shout(WsSession session, String text, Broadcaster broadcaster) {
    broadcaster.toAll("shout", new ChatLine("*", session.id(), text, System.currentTimeMillis()));
  }
}
