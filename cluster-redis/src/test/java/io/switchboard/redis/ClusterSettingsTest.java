package io.switchboard.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.switchboard.redis.app.ClusterChat;
import io.switchboard.redis.testing.Eventually;
import io.switchboard.redis.testing.Nodes;
import io.switchboard.redis.testing.RedisProbe;
import io.switchboard.test.RedisServer;
import io.switchboard.test.WsTestClient;
import io.switchboard.undertow.SwitchboardServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the URI and the cluster name select: a password, and apps isolated on one Redis. */
class ClusterSettingsTest {

  @Test
  void aPasswordInTheUriIsUsed() {
    try (RedisServer redis = RedisServer.start("s3cret");
        Nodes nodes = new Nodes(redis.uri(), "secured")) {
      SwitchboardServer a = nodes.start();
      SwitchboardServer b = nodes.start();
      nodes.awaitConnected();
      WsTestClient onB = nodes.connect(b, "/cluster");
      onB.awaitEvent("ready");
      Eventually.within(Duration.ofSeconds(5), "presence through the secured Redis",
          () -> a.presence("/cluster").count() == 1);
    }
  }

  @Test
  void aWrongPasswordLeavesTheNodeServingLocally() {
    try (RedisServer redis = RedisServer.start("s3cret");
        Nodes nodes = new Nodes("redis://:wrong@127.0.0.1:" + redis.port(), "refused")) {
      SwitchboardServer a = nodes.start();
      assertFalse(a.stats().clusterConnected());
      WsTestClient onA = nodes.connect(a, "/cluster");
      onA.awaitEvent("ready");
      assertEquals("renamed Ada", onA.callText("rename Ada"));
    }
  }

  @Test
  void twoClusterNamesOnOneRedisDoNotSeeEachOther() {
    try (RedisServer redis = RedisServer.start();
        Nodes red = new Nodes(redis.uri(), "red");
        Nodes blue = new Nodes(redis.uri(), "blue")) {
      SwitchboardServer red1 = red.start();
      SwitchboardServer red2 = red.start();
      SwitchboardServer blue1 = blue.start();
      red.awaitConnected();
      blue.awaitConnected();
      WsTestClient onRed2 = red.connect(red2, "/cluster");
      WsTestClient onBlue1 = blue.connect(blue1, "/cluster");
      onRed2.awaitEvent("ready");
      onBlue1.awaitEvent("ready");
      Eventually.within(Duration.ofSeconds(5), "red sees its own", () -> red1.presence("/cluster").count() == 1);
      try (RedisProbe probe = new RedisProbe(redis.uri())) {
        probe.awaitSubscribers("red:/cluster:all", 2);
        probe.awaitSubscribers("blue:/cluster:all", 1);
      }

      red1.broadcaster("/cluster").toAll("said", new ClusterChat.Said("red", "for red"));
      blue1.broadcaster("/cluster").toAll("said", new ClusterChat.Said("blue", "for blue"));

      assertEquals("for red", onRed2.awaitEvent("said").path("text").asText());
      assertEquals("for blue", onBlue1.awaitEvent("said").path("text").asText(),
          "blue's first push is its own: red's never reached it");
      assertEquals(List.of(onBlue1.toString()).size(), blue1.presence("/cluster").count());
      assertEquals(1, red1.presence("/cluster").count());
    }
  }
}
