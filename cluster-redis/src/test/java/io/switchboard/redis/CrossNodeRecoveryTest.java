package io.switchboard.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.Broadcaster;
import io.switchboard.PresenceEntry;
import io.switchboard.redis.app.ClusterChat;
import io.switchboard.redis.testing.Eventually;
import io.switchboard.redis.testing.Nodes;
import io.switchboard.redis.testing.RedisProbe;
import io.switchboard.test.ErrorReplyException;
import io.switchboard.test.RedisServer;
import io.switchboard.test.TcpProxy;
import io.switchboard.test.WsTestClient;
import io.switchboard.undertow.SwitchboardServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Recovery across two nodes on one real Redis: a client reaches node A through a {@link TcpProxy}
 * that resets its connection (no close frame), and comes back through node B, which recovers its
 * session from what the cluster kept: the room's history in Redis, the session's record, and the
 * direct messages node A kept for it.
 */
class CrossNodeRecoveryTest {

  private static RedisServer redis;
  private static RedisProbe probe;
  private Nodes nodes;
  private SwitchboardServer a;
  private SwitchboardServer b;
  private TcpProxy proxy;
  private final List<WsTestClient> clients = new ArrayList<>();

  @BeforeAll
  static void startRedis() {
    redis = RedisServer.start();
    probe = new RedisProbe(redis.uri());
  }

  @AfterAll
  static void stopRedis() {
    probe.close();
    redis.close();
  }

  @BeforeEach
  void startNodes() {
    nodes = new Nodes(redis.uri(), "recovery-" + System.nanoTime());
    a = nodes.startWithHistory(Duration.ofMinutes(1));
    b = nodes.startWithHistory(Duration.ofMinutes(1));
    nodes.awaitConnected();
    proxy = TcpProxy.to(a.port());
  }

  @AfterEach
  void stopNodes() {
    clients.forEach(WsTestClient::close);
    proxy.close();
    nodes.close();
  }

  private WsTestClient throughProxy() {
    return keep(WsTestClient.builder(proxy.uri("/cluster")).recoverable().timeout(Duration.ofSeconds(15)).connect());
  }

  private WsTestClient keep(WsTestClient client) {
    clients.add(client);
    return client;
  }

  private void cutAndAwaitNoticed() {
    proxy.cut();
    Eventually.within(Duration.ofSeconds(10), "node A noticed the cut",
        () -> a.sessions("/cluster").count() == 0);
  }

  /**
   * Joins a room and hears a line in it: the node then knows the member's join offset, which it
   * otherwise learns from Redis a round trip after the first join to the room on that node.
   */
  private void joinAndHearALine(WsTestClient client, String room) {
    client.call("join", room);
    say(a.broadcaster("/cluster"), room, "hello " + room);
    assertEquals("hello " + room, client.awaitEvent("said").get("text").asText());
  }

  private static void say(Broadcaster node, String room, String text) {
    node.toRoom(room, "said", new ClusterChat.Said("server", text));
  }

  @Test
  void aClientCutOffOnOneNodeRecoversOnTheOtherWithEveryLineOnceInOrder() {
    WsTestClient away = throughProxy();
    JsonNode first = away.awaitSession();
    String id = first.get("id").asText();
    away.call("join", "lobby");
    assertEquals("renamed ann", away.callText("rename ann"));
    WsTestClient talker = nodes.connect(b, "/cluster");
    talker.call("join", "lobby");
    say(b.broadcaster("/cluster"), "lobby", "before");
    assertEquals("before", away.awaitEvent("said").get("text").asText());

    cutAndAwaitNoticed();
    for (int n = 1; n <= 1000; n++) {
      say(b.broadcaster("/cluster"), "lobby", Integer.toString(n));
    }
    a.broadcaster("/cluster").toSession(id, "whispered", new ClusterChat.Said("a", "kept on A"));
    b.broadcaster("/cluster").toSession(id, "whispered", new ClusterChat.Said("b", "sent from B"));
    assertEquals("before", talker.awaitEvent("said").get("text").asText());
    for (int n = 1; n <= 1000; n++) {
      assertEquals(Integer.toString(n), talker.awaitEvent("said").get("text").asText());
    }
    proxy.target(b.port()); // the client comes back through the other node
    WsTestClient back = keep(away.reconnectAndRecover());

    for (int n = 1; n <= 1000; n++) {
      assertEquals(Integer.toString(n), back.awaitEvent("said").get("text").asText(), "line " + n);
    }
    assertEquals("kept on A", back.awaitEvent("whispered").get("text").asText());
    assertEquals("sent from B", back.awaitEvent("whispered").get("text").asText());
    JsonNode session = back.awaitSession();
    assertTrue(session.get("recovered").asBoolean(), session::toString);
    assertEquals(id, session.get("id").asText());
    assertTrue(session.at("/rooms/lobby/recovered").asBoolean(), session::toString);
    assertEquals(1000, session.at("/rooms/lobby/missed").asInt(), session::toString);
    assertTrue(session.at("/direct/recovered").asBoolean(), session::toString);
    assertEquals(2, session.at("/direct/missed").asInt(), session::toString);
    assertEquals(1, b.sessions("/cluster").count() - 1, "the talker and the recovered session on B");

    say(a.broadcaster("/cluster"), "lobby", "live");
    say(a.broadcaster("/cluster"), "lobby", "end");
    assertEquals("live", back.awaitEvent("said").get("text").asText()); // nothing twice
    assertEquals("end", back.awaitEvent("said").get("text").asText());
    assertEquals("[\"lobby\"]", back.call("rooms").toString());

    Eventually.within(Duration.ofSeconds(10), "its presence entry moved to node B",
        () -> entriesOf(id).equals(List.of(b.nodeId() + " ann")));
    WsTestClient other = nodes.connect(a, "/cluster");
    ErrorReplyException taken = assertThrows(ErrorReplyException.class, () -> other.call("rename", "ann"));
    assertEquals("name_taken", taken.code()); // its claim came along
    assertEquals("[2,0]", lifecycle(other), "on A: two opened, and no @OnClose for the one that moved");
    assertEquals("[1,0]", lifecycle(talker), "on B: the talker; the recovered session ran no @OnOpen");
  }

  /** [opened, closed] on the node {@code client} is connected to. */
  private static String lifecycle(WsTestClient client) {
    JsonNode counts = client.call("lifecycle");
    return "[" + counts.get(0).asInt() + "," + counts.get(1).asInt() + "]";
  }

  @Test
  void aClientThatKnowsOfTheDropFirstRecoversOnTheOtherNodeWhichHasTheOldOneDropIt() {
    WsTestClient away = throughProxy();
    String id = away.awaitSession().get("id").asText();
    away.call("join", "lobby");

    proxy.dropClientsOnly(); // node A's side stays open and silent: A does not know yet
    for (int n = 1; n <= 5; n++) {
      say(a.broadcaster("/cluster"), "lobby", Integer.toString(n)); // written into the void
    }
    proxy.target(b.port());
    WsTestClient back = keep(away.reconnectAndRecover());

    for (int n = 1; n <= 5; n++) {
      assertEquals(Integer.toString(n), back.awaitEvent("said").get("text").asText(), "line " + n);
    }
    JsonNode session = back.awaitSession();
    assertTrue(session.get("recovered").asBoolean(), session::toString);
    assertEquals(id, session.get("id").asText());
    assertEquals(5, session.at("/rooms/lobby/missed").asInt(), session::toString);
    assertEquals(0, a.sessions("/cluster").count(), "node A dropped the stale connection");
    WsTestClient onA = nodes.connect(a, "/cluster");
    assertEquals("[2,0]", lifecycle(onA), "on A: no @OnClose for the session that moved");
  }

  @Test
  void aRoomWhoseHistoryNoLongerReachesBackIsNotRecoveredOnTheOtherNode() {
    WsTestClient away = throughProxy();
    away.awaitSession();
    joinAndHearALine(away, "small-room");
    joinAndHearALine(away, "lobby");

    cutAndAwaitNoticed();
    for (int n = 1; n <= 20; n++) {
      say(a.broadcaster("/cluster"), "small-room", Integer.toString(n));
    }
    say(a.broadcaster("/cluster"), "lobby", "kept");
    proxy.target(b.port());
    WsTestClient back = keep(away.reconnectAndRecover());

    assertEquals("kept", back.awaitEvent("said").get("text").asText());
    JsonNode session = back.awaitSession();
    assertTrue(session.get("recovered").asBoolean(), session::toString);
    assertFalse(session.at("/rooms/small-room/recovered").asBoolean(), session::toString);
    assertTrue(session.at("/rooms/lobby/recovered").asBoolean(), session::toString);
    assertEquals("[\"lobby\",\"small-room\"]", back.call("rooms").toString()); // still a member
    say(a.broadcaster("/cluster"), "small-room", "live");
    assertEquals("live", back.awaitEvent("said").get("text").asText());
  }

  @Test
  void aClientThatComesBackToItsOwnNodeRecoversThereAndNowhereElse() {
    WsTestClient away = throughProxy();
    JsonNode first = away.awaitSession();
    String id = first.get("id").asText();
    joinAndHearALine(away, "lobby");

    cutAndAwaitNoticed();
    say(b.broadcaster("/cluster"), "lobby", "one");
    say(b.broadcaster("/cluster"), "lobby", "two");
    WsTestClient back = keep(away.reconnectAndRecover()); // through the proxy, to A again

    assertEquals("one", back.awaitEvent("said").get("text").asText());
    assertEquals("two", back.awaitEvent("said").get("text").asText());
    JsonNode session = back.awaitSession();
    assertEquals(id, session.get("id").asText());
    assertTrue(session.at("/rooms/lobby/recovered").asBoolean(), session::toString);

    String spent = first.get("token").asText(); // the token A took back: no node has it any more
    WsTestClient again = keep(WsTestClient.connect(java.net.URI.create(
        "ws://127.0.0.1:" + b.port() + "/cluster?recover=" + spent)));
    assertFalse(again.awaitSession().get("recovered").asBoolean());
    assertEquals("[1,0]", lifecycle(back), "on A: one opened, recovered, none closed");
  }

  private List<String> entriesOf(String sessionId) {
    List<String> found = new ArrayList<>();
    for (PresenceEntry entry : b.presence("/cluster").list()) {
      if (entry.sessionId().equals(sessionId)) {
        found.add(entry.node() + " " + entry.attribute("name"));
      }
    }
    return found;
  }
}
