package chat;

import io.switchboard.Broadcaster;
import io.switchboard.CloseReason;
import io.switchboard.Every;
import io.switchboard.OnClose;
import io.switchboard.OnOpen;
import io.switchboard.WsCommand;
import io.switchboard.WsEndpoint;
import io.switchboard.WsSession;
import java.util.List;

@WsEndpoint("/chat")
public class ChatEndpoint {
  @OnOpen
  void joined(WsSession session, Broadcaster all) {
    all.toAllExcept(session, "joined", session.id());
  }

  @WsCommand
  String hello() {
    return "Hello, human";
  }

  @WsCommand("name")
  String rename(WsSession session, String name) {
    session.attributes().put("name", name);
    return "you are " + name;
  }

  @WsCommand
  void say(ChatLine line, Broadcaster all) {
    all.toAll("chat", line);
  }

  @WsCommand
  List<ChatLine> history() {
    return List.of();
  }

  @Every("5s")
  void tick(Broadcaster all) {
    all.toAll("tick", System.currentTimeMillis());
  }

  @OnClose
  void left(WsSession session, CloseReason reason) {}
}
