package io.switchboard.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchboard.redis.app.ClusterChat;
import io.switchboard.redis.testing.Events;
import io.switchboard.redis.testing.Nodes;
import io.switchboard.redis.testing.RedisProbe;
import io.switchboard.test.RedisServer;
import io.switchboard.test.WsTestClient;
import io.switchboard.undertow.SwitchboardServer;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Three nodes on one real Redis: every kind of push reaches its recipients on every node, each
 * exactly once, and one publisher's pushes arrive in the order sent.
 */
class CrossNodeDeliveryTest {

  private static RedisServer redis;
  private static RedisProbe probe;
  private Nodes nodes;
  private SwitchboardServer a;
  private SwitchboardServer b;
  private SwitchboardServer c;
  private WsTestClient onA;
  private WsTestClient onB;
  private WsTestClient onC;
  private final Map<WsTestClient, String> ids = new java.util.HashMap<>();

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
    nodes = new Nodes(redis.uri(), "delivery");
    a = nodes.start();
    b = nodes.start();
    c = nodes.start();
    nodes.awaitConnected();
    probe.awaitSubscribers("delivery:/cluster:all", 3);
    onA = nodes.connect(a, "/cluster");
    onB = nodes.connect(b, "/cluster");
    onC = nodes.connect(c, "/cluster");
    for (WsTestClient client : List.of(onA, onB, onC)) {
      ids.put(client, client.awaitEvent("ready").path("from").asText());
      probe.awaitSubscribers("delivery:/cluster:session:" + id(client), 1);
    }
  }

  @AfterEach
  void stopNodes() {
    nodes.close();
  }

  @Test
  void toAllReachesEveryNodeOnceAndCountsLocalSessions() {
    int local = a.broadcaster("/cluster").toAll("said", new ClusterChat.Said("server", "hi all"));
    endWith(a);

    assertEquals(1, local, "the count is of this node's sessions");
    for (WsTestClient client : List.of(onA, onB, onC)) {
      assertEquals(List.of("hi all"), Events.texts(Events.until(client, "end"), "said"), client.toString());
    }
  }

  @Test
  void toAllExceptLeavesOutTheSenderOnEveryNode() {
    WsTestClient secondOnA = nodes.connect(a, "/cluster");
    secondOnA.awaitEvent("ready");

    assertEquals(1, onA.call("say", Map.of("text", "hello")).asInt(), "queued for one local session");
    endWith(b);

    assertEquals(List.of(), Events.texts(Events.until(onA, "end"), "said"));
    for (WsTestClient client : List.of(secondOnA, onB, onC)) {
      assertEquals(List.of("hello"), Events.texts(Events.until(client, "end"), "said"));
    }
  }

  @Test
  void roomPushesReachMembersOnEveryNodeAndNobodyElse() {
    onA.callText("join kitchen");
    onC.callText("join kitchen");
    probe.awaitSubscribers("delivery:/cluster:room:kitchen", 2);

    onB.call("say", Map.of("room", "kitchen", "text", "dinner"));
    endWith(b);

    assertEquals(List.of("dinner"), Events.texts(Events.until(onA, "end"), "said"));
    assertEquals(List.of("dinner"), Events.texts(Events.until(onC, "end"), "said"));
    assertEquals(List.of(), Events.texts(Events.until(onB, "end"), "said"));
  }

  @Test
  void roomExceptLeavesOutTheSender() {
    onA.callText("join kitchen");
    onB.callText("join kitchen");
    probe.awaitSubscribers("delivery:/cluster:room:kitchen", 2);

    onA.call("say", Map.of("room", "kitchen", "text", "psst"));
    endWith(c);

    assertEquals(List.of(), Events.texts(Events.until(onA, "end"), "said"));
    assertEquals(List.of("psst"), Events.texts(Events.until(onB, "end"), "said"));
  }

  @Test
  void aRoomWithoutMembersOnANodeCostsThatNodeNoSubscription() {
    onA.callText("join attic");
    probe.awaitSubscribers("delivery:/cluster:room:attic", 1);

    assertEquals(1, probe.subscribers("delivery:/cluster:room:attic"));
    onA.callText("leave attic");
    io.switchboard.redis.testing.Eventually.within(java.time.Duration.ofSeconds(5),
        "the last member left, the node unsubscribed",
        () -> probe.subscribers("delivery:/cluster:room:attic") == 0);
  }

  @Test
  void toSessionReachesTheSessionOnItsNodeOnly() {
    assertEquals(0, onA.call("whisper", Map.of("to", id(onC), "text", "secret")).asInt(),
        "the session is on another node: nothing queued here");
    endWith(a);

    assertEquals(List.of("secret"), Events.texts(Events.until(onC, "end"), "whispered"));
    assertEquals(List.of(), Events.texts(Events.until(onA, "end"), "whispered"));
    assertEquals(List.of(), Events.texts(Events.until(onB, "end"), "whispered"));
  }

  @Test
  void onePublishersPushesArriveInOrderWithoutDuplicates() {
    int count = 10_000;
    for (int i = 0; i < count; i++) {
      a.broadcaster("/cluster").toAll("said", new ClusterChat.Said("server", Integer.toString(i)));
    }
    endWith(a);
    List<String> expected = IntStream.range(0, count).mapToObj(Integer::toString).toList();
    assertEquals(expected, Events.texts(Events.until(onB, "end"), "said"));
    assertEquals(expected, Events.texts(Events.until(onC, "end"), "said"));
    assertEquals(expected, Events.texts(Events.until(onA, "end"), "said"));
  }

  @Test
  void aPushIsEncodedOnceAtTheOrigin() {
    long before = b.stats().broadcasts() + c.stats().broadcasts();
    a.broadcaster("/cluster").toAll("said", new ClusterChat.Said("server", "once"));
    onB.awaitEvent("said");
    onC.awaitEvent("said");

    assertEquals(before, b.stats().broadcasts() + c.stats().broadcasts(),
        "receiving nodes forward the bytes, they never encode");
  }

  /**
   * Marks the end of a test's pushes: {@code origin} publishes a mark; once every client has it,
   * another node publishes the end. Redis hands each node the pushes of one publisher in order, so
   * a duplicate of anything {@code origin} published, on any node, would arrive before the end.
   */
  private void endWith(SwitchboardServer origin) {
    origin.broadcaster("/cluster").toAll("mark", new ClusterChat.Said("server", "mark"));
    for (WsTestClient client : List.of(onA, onB, onC)) {
      client.awaitEvent("mark");
    }
    SwitchboardServer other = origin == a ? b : a;
    other.broadcaster("/cluster").toAll("end", new ClusterChat.Said("server", "end"));
  }

  private String id(WsTestClient client) {
    return ids.get(client);
  }
}
