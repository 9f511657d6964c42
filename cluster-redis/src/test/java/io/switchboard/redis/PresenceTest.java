package io.switchboard.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.Presence;
import io.switchboard.PresenceEntry;
import io.switchboard.redis.testing.Eventually;
import io.switchboard.redis.testing.Nodes;
import io.switchboard.test.ErrorReplyException;
import io.switchboard.test.RedisServer;
import io.switchboard.test.WsTestClient;
import io.switchboard.undertow.SwitchboardServer;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Assertions;

/**
 * Presence across two nodes: who is online, in which rooms, under which name, visible on the
 * other node within about a second; unique names hold across nodes.
 */
class PresenceTest {

  /** "Within about a second", with room for a busy build machine. */
  private static final Duration SOON = Duration.ofSeconds(3);

  private static RedisServer redis;
  private Nodes nodes;
  private SwitchboardServer a;
  private SwitchboardServer b;

  @BeforeAll
  static void startRedis() {
    redis = RedisServer.start();
  }

  @AfterAll
  static void stopRedis() {
    redis.close();
  }

  @BeforeEach
  void startNodes() {
    nodes = new Nodes(redis.uri(), "presence");
    a = nodes.start();
    b = nodes.start();
    nodes.awaitConnected();
  }

  @AfterEach
  void stopNodes() {
    nodes.close();
  }

  @Test
  void aSessionOnOneNodeIsListedOnTheOther() {
    WsTestClient onB = nodes.connect(b, "/cluster");
    String id = onB.awaitEvent("ready").path("from").asText();

    Duration took = Eventually.within(SOON, "B's session listed on A",
        () -> ids(presenceOf(a)).contains(id));

    PresenceEntry entry = find(presenceOf(a), id);
    assertEquals(b.nodeId(), entry.node());
    assertEquals("guest", entry.attribute("name"));
    System.out.println("presence of a join replicated in " + took.toMillis() + " ms");
  }

  @Test
  void countsAndListsCoverEveryNode() {
    nodes.connect(a, "/cluster").awaitEvent("ready");
    nodes.connect(b, "/cluster").awaitEvent("ready");
    nodes.connect(b, "/cluster").awaitEvent("ready");

    Eventually.within(SOON, "3 online seen from A", () -> presenceOf(a).count() == 3);
    Eventually.within(SOON, "3 online seen from B", () -> presenceOf(b).count() == 3);
    assertEquals(ids(presenceOf(a)), ids(presenceOf(b)));
    assertEquals(1, a.sessions("/cluster").count(), "Sessions stays this node's");
  }

  @Test
  void roomsAndRenamesFollowTheSession() {
    WsTestClient onB = nodes.connect(b, "/cluster");
    String id = onB.awaitEvent("ready").path("from").asText();
    onB.callText("join kitchen");
    onB.callText("rename Ada");

    Eventually.within(SOON, "B's session in kitchen as Ada, seen from A", () -> {
      List<PresenceEntry> kitchen = presenceOf(a).list("kitchen");
      return kitchen.size() == 1 && "Ada".equals(kitchen.get(0).attribute("name"));
    });
    assertEquals(Set.of("kitchen"), find(presenceOf(a), id).rooms());
    assertEquals(1, presenceOf(a).count("kitchen"));

    onB.callText("leave kitchen");
    Eventually.within(SOON, "B's session left kitchen, seen from A",
        () -> presenceOf(a).count("kitchen") == 0);
  }

  @Test
  void aClosedSessionLeavesThePresenceOfEveryNode() {
    WsTestClient onB = nodes.connect(b, "/cluster");
    String id = onB.awaitEvent("ready").path("from").asText();
    Eventually.within(SOON, "listed on A", () -> ids(presenceOf(a)).contains(id));

    onB.close();

    Duration took = Eventually.within(SOON, "gone from A", () -> !ids(presenceOf(a)).contains(id));
    System.out.println("presence of a leave replicated in " + took.toMillis() + " ms");
  }

  @Test
  void aNameIsUniqueAcrossNodes() {
    WsTestClient onA = nodes.connect(a, "/cluster");
    WsTestClient onB = nodes.connect(b, "/cluster");
    onA.awaitEvent("ready");
    onB.awaitEvent("ready");

    assertEquals("renamed Grace", onA.callText("rename Grace"));
    ErrorReplyException taken =
        Assertions.assertThrows(ErrorReplyException.class, () -> onB.call("rename", "Grace"));
    assertEquals("name_taken", taken.code());

    assertEquals("renamed Hopper", onA.callText("rename Hopper"));
    // A gives Grace back without waiting for Redis: B may ask a moment before it is free.
    Eventually.within(SOON, "a renamed session gives its old name back",
        () -> onB.callText("rename Grace").equals("renamed Grace"));
  }

  @Test
  void aClosedSessionGivesItsNameBackOnEveryNode() {
    WsTestClient onA = nodes.connect(a, "/cluster");
    onA.awaitEvent("ready");
    onA.callText("rename Linus");
    onA.close();
    Eventually.within(SOON, "A's session closed", () -> a.sessions("/cluster").count() == 0);

    WsTestClient onB = nodes.connect(b, "/cluster");
    onB.awaitEvent("ready");
    Eventually.within(SOON, "the closed session's name free on B",
        () -> onB.callText("rename Linus").equals("renamed Linus"));
  }

  @Test
  void aStoppedNodeLeavesThePresenceAtOnce() {
    nodes.connect(b, "/cluster").awaitEvent("ready");
    Eventually.within(SOON, "listed on A", () -> presenceOf(a).count() == 1);

    b.stop(Duration.ofSeconds(2));

    Duration took = Eventually.within(SOON, "B's entries gone from A", () -> presenceOf(a).count() == 0);
    assertTrue(took.compareTo(SOON) < 0);
    assertFalse(ids(presenceOf(a)).iterator().hasNext());
  }

  private static Presence presenceOf(SwitchboardServer node) {
    return node.presence("/cluster");
  }

  private static List<String> ids(Presence presence) {
    return presence.list().stream().map(PresenceEntry::sessionId).toList();
  }

  private static PresenceEntry find(Presence presence, String id) {
    return presence.list().stream().filter(e -> e.sessionId().equals(id)).findFirst().orElseThrow();
  }
}
