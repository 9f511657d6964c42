package io.switchboard.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.switchboard.redis.app.ClusterChat;
import io.switchboard.redis.testing.Eventually;
import io.switchboard.redis.testing.Nodes;
import io.switchboard.redis.testing.RedisProbe;
import io.switchboard.test.RedisServer;
import io.switchboard.test.WsTestClient;
import io.switchboard.undertow.SwitchboardServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Redis killed mid-stream and started again: local delivery never stops, pushes meant for other
 * nodes are counted as dropped, and once Redis is back delivery and presence resume by themselves.
 */
class RedisOutageTest {

  @Test
  void localServiceOutlivesRedisAndCrossNodeDeliveryResumes() {
    try (RedisServer redis = RedisServer.start();
        Nodes nodes = new Nodes(redis.uri(), "outage")) {
      SwitchboardServer a = nodes.start();
      SwitchboardServer b = nodes.start();
      nodes.awaitConnected();
      WsTestClient onA = nodes.connect(a, "/cluster");
      WsTestClient onB = nodes.connect(b, "/cluster");
      onA.awaitEvent("ready");
      String idB = onB.awaitEvent("ready").path("from").asText();
      try (RedisProbe probe = new RedisProbe(redis.uri())) {
        probe.awaitSubscribers("outage:/cluster:all", 2);
      }
      a.broadcaster("/cluster").toAll("said", new ClusterChat.Said("a", "before"));
      assertEquals("before", onB.awaitEvent("said").path("text").asText());
      onA.awaitEvent("said");

      assertEquals(200, readiness(a));
      redis.kill();
      Eventually.within(Duration.ofSeconds(10), "A sees Redis gone", () -> !a.stats().clusterConnected());
      assertEquals(503, readiness(a), "not ready while the bus is down");
      long droppedBefore = a.stats().clusterDropped();
      for (int i = 0; i < 20; i++) {
        assertEquals(1, a.broadcaster("/cluster").toAll("said", new ClusterChat.Said("a", "during " + i)));
      }
      for (int i = 0; i < 20; i++) {
        assertEquals("during " + i, onA.awaitEvent("said").path("text").asText(), "local delivery goes on");
      }
      assertEquals(20, a.stats().clusterDropped() - droppedBefore, "every push for other nodes counted");
      assertEquals("renamed Ada", onA.callText("rename Ada"), "handlers that claim do not block");

      redis.restart();
      Duration back = Eventually.within(Duration.ofSeconds(10), "both nodes back on Redis",
          () -> a.stats().clusterConnected() && b.stats().clusterConnected());
      try (RedisProbe probe = new RedisProbe(redis.uri())) {
        probe.awaitSubscribers("outage:/cluster:all", 2);
        probe.awaitSubscribers("outage:/cluster:session:" + idB, 1);
      }
      Duration announced;
      try (RedisProbe probe = new RedisProbe(redis.uri())) {
        // Redis restarted empty: B's entry is back only if B wrote it again.
        announced = Eventually.within(Duration.ofSeconds(10), "B's presence re-announced to Redis",
            () -> probe.hashFields("outage:node:" + b.nodeId()).contains("/cluster\n" + idB));
      }
      assertEquals("name_taken",
          org.junit.jupiter.api.Assertions.assertThrows(io.switchboard.test.ErrorReplyException.class,
              () -> onB.call("rename", "Ada")).code(),
          "A's claim made during the outage was made cluster-wide once Redis was back");
      System.out.println("reconnected after " + back.toMillis() + " ms, presence back "
          + announced.toMillis() + " ms later");

      assertEquals(200, readiness(a));
      a.broadcaster("/cluster").toAll("said", new ClusterChat.Said("a", "after"));
      assertEquals("after", onB.awaitEvent("said").path("text").asText(),
          "B missed what was said during the outage and gets what follows");
    }
  }

  @Test
  void aRoomWithHistoryServesThisNodesMembersWhileRedisIsDownAndNumbersAgainAfter() {
    try (RedisServer redis = RedisServer.start();
        Nodes nodes = new Nodes(redis.uri(), "outage-history")) {
      SwitchboardServer a = nodes.startWithHistory(Duration.ofMinutes(1));
      nodes.awaitConnected();
      WsTestClient onA = nodes.connect(a, "/cluster");
      onA.call("join", "lobby");
      a.broadcaster("/cluster").toRoom("lobby", "said", new ClusterChat.Said("a", "before"));
      com.fasterxml.jackson.databind.JsonNode before = said(onA);
      assertEquals(1, before.path("offset").asInt(), before::toString);

      redis.kill();
      Eventually.within(Duration.ofSeconds(10), "A sees Redis gone", () -> !a.stats().clusterConnected());
      assertEquals(1, a.broadcaster("/cluster").toRoom("lobby", "said", new ClusterChat.Said("a", "during")));
      com.fasterxml.jackson.databind.JsonNode during = said(onA);
      assertEquals("during", during.path("data").path("text").asText());
      assertTrue(during.path("offset").isMissingNode(), "delivered here, unnumbered: " + during);

      redis.restart(); // empty: the room's history is gone, and its next push says so
      Eventually.within(Duration.ofSeconds(10), "A back on Redis", () -> a.stats().clusterConnected());
      a.broadcaster("/cluster").toRoom("lobby", "said", new ClusterChat.Said("a", "after"));
      com.fasterxml.jackson.databind.JsonNode after = said(onA);
      assertEquals(1, after.path("offset").asInt(), after::toString);
      assertNotEquals(before.path("epoch").asText(), after.path("epoch").asText(), "a new epoch");
    }
  }

  /** The whole next "said" push, envelope and all: its room, offset and epoch are what is tested. */
  private static com.fasterxml.jackson.databind.JsonNode said(WsTestClient client) {
    try {
      while (true) {
        com.fasterxml.jackson.databind.JsonNode message =
            new com.fasterxml.jackson.databind.ObjectMapper().readTree(client.awaitText());
        if (message.path("event").asText().equals("said")) {
          return message;
        }
      }
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  private static int readiness(SwitchboardServer node) {
    try {
      return HttpClient.newHttpClient()
          .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port() + "/health/ready")).build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (Exception e) {
      throw new AssertionError("readiness probe failed", e);
    }
  }

  @Test
  void aNodeStartsWithRedisDownAndJoinsWhenItComesUp() {
    try (RedisServer redis = RedisServer.start()) {
      redis.kill();
      try (Nodes nodes = new Nodes(redis.uri(), "late")) {
        SwitchboardServer a = nodes.start();
        assertFalse(a.stats().clusterConnected());
        WsTestClient onA = nodes.connect(a, "/cluster");
        onA.awaitEvent("ready");
        assertEquals(1, a.broadcaster("/cluster").toAll("said", new ClusterChat.Said("a", "local")));
        assertEquals("local", onA.awaitEvent("said").path("text").asText());

        redis.restart();
        Eventually.within(Duration.ofSeconds(10), "connected once Redis is up",
            () -> a.stats().clusterConnected());
        SwitchboardServer b = nodes.start();
        nodes.awaitConnected();
        Eventually.within(Duration.ofSeconds(10), "A's session announced to B",
            () -> b.presence("/cluster").count() == 1);
      }
    }
  }
}
