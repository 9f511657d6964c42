package io.switchboard.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.redis.testing.Nodes;
import io.switchboard.test.RedisServer;
import io.switchboard.test.WsTestClient;
import io.switchboard.undertow.SwitchboardServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code @Every} with two nodes: a cluster-scoped method runs on one node at a time, so each client
 * gets each tick once; when that node stops, the other takes over within seconds. A node-scoped
 * method runs on both, each for its own sessions.
 */
class ScheduledPushTest {

  @Test
  void clusterScopedTicksComeFromOneNodeAndMoveWhenItStops() {
    try (RedisServer redis = RedisServer.start();
        Nodes nodes = new Nodes(redis.uri(), "ticks")) {
      SwitchboardServer one = nodes.startWithTicker("one");
      SwitchboardServer two = nodes.startWithTicker("two");
      nodes.awaitConnected();
      WsTestClient onOne = nodes.connect(one, "/ticker");
      WsTestClient onTwo = nodes.connect(two, "/ticker");

      List<JsonNode> first = ticks(onOne, 8);
      List<JsonNode> second = ticks(onTwo, 8);
      String leader = first.get(first.size() - 1).path("node").asText();
      assertConsecutiveFrom(leader, first.subList(first.size() - 4, first.size()));
      assertConsecutiveFrom(leader, second.subList(second.size() - 4, second.size()));

      SwitchboardServer stopping = leader.equals("one") ? one : two;
      WsTestClient survivor = leader.equals("one") ? onTwo : onOne;
      String follower = leader.equals("one") ? "two" : "one";
      long stoppedAt = System.nanoTime();
      stopping.stop(Duration.ofSeconds(2));
      JsonNode tick;
      do {
        tick = survivor.awaitEvent("tick", Duration.ofSeconds(15));
      } while (!tick.path("node").asText().equals(follower));
      Duration moved = Duration.ofNanos(System.nanoTime() - stoppedAt);
      System.out.println("the lease moved in " + moved.toMillis() + " ms");
      // Given back at the stop, taken at the follower's next heartbeat (2 s): seconds, not a TTL.
      assertTrue(moved.compareTo(Duration.ofSeconds(5)) < 0, "the lease moved in " + moved);
    }
  }

  @Test
  void nodeScopedTicksReachOnlyTheirNodesSessions() {
    try (RedisServer redis = RedisServer.start();
        Nodes nodes = new Nodes(redis.uri(), "local-ticks")) {
      SwitchboardServer one = nodes.startWithTicker("one");
      SwitchboardServer two = nodes.startWithTicker("two");
      nodes.awaitConnected();
      WsTestClient onOne = nodes.connect(one, "/ticker");
      WsTestClient onTwo = nodes.connect(two, "/ticker");
      for (int i = 0; i < 5; i++) {
        assertEquals("one", onOne.awaitEvent("local").path("node").asText());
        assertEquals("two", onTwo.awaitEvent("local").path("node").asText());
      }
    }
  }

  private static List<JsonNode> ticks(WsTestClient client, int count) {
    List<JsonNode> ticks = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ticks.add(client.awaitEvent("tick"));
    }
    return ticks;
  }

  /** Once the lease settled, ticks come from one node, one per period, none twice. */
  private static void assertConsecutiveFrom(String node, List<JsonNode> ticks) {
    for (int i = 0; i < ticks.size(); i++) {
      assertEquals(node, ticks.get(i).path("node").asText(), ticks.toString());
      if (i > 0) {
        assertEquals(ticks.get(i - 1).path("seq").asLong() + 1, ticks.get(i).path("seq").asLong(),
            "each tick once, none skipped: " + ticks);
      }
    }
  }
}
