package io.switchboard.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.redis.app.ClusterChat;
import io.switchboard.redis.testing.Eventually;
import io.switchboard.redis.testing.NodeMain;
import io.switchboard.redis.testing.Nodes;
import io.switchboard.test.RedisServer;
import io.switchboard.test.WsTestClient;
import io.switchboard.undertow.SwitchboardServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A node that dies without cleaning up (SIGKILL): its presence expires within the stated bound. */
class NodeFailureTest {

  /** What docs/scaling.md promises: heartbeat 2 s, TTL 10 s, so at most 12 s; 15 s at worst. */
  private static final Duration PROMISED = Duration.ofSeconds(15);

  private static RedisServer redis;

  @BeforeAll
  static void startRedis() {
    redis = RedisServer.start();
  }

  @AfterAll
  static void stopRedis() {
    redis.close();
  }

  @Test
  void aKilledNodesPresenceExpires() throws Exception {
    try (Nodes nodes = new Nodes(redis.uri(), "failure")) {
      SwitchboardServer survivor = nodes.start();
      nodes.awaitConnected();
      Process doomed = startNodeProcess("failure");
      try {
        int port = portOf(doomed);
        WsTestClient client =
            WsTestClient.connect(URI.create("ws://127.0.0.1:" + port + "/cluster"));
        String id = client.awaitEvent("ready").path("from").asText();
        Eventually.within(Duration.ofSeconds(5), "the other process's session listed",
            () -> survivor.presence("/cluster").list().stream().anyMatch(e -> e.sessionId().equals(id)));
        assertEquals("renamed alice", client.callText("rename alice"));
        WsTestClient local = nodes.connect(survivor, "/cluster");
        local.awaitEvent("ready");

        doomed.destroyForcibly(); // SIGKILL: no goodbye to Redis
        assertTrue(doomed.waitFor(10, TimeUnit.SECONDS));

        Duration took = Eventually.within(PROMISED, "the killed node's entry gone",
            () -> survivor.presence("/cluster").list().stream().noneMatch(e -> e.sessionId().equals(id)));
        System.out.println("a killed node's presence expired after " + took.toMillis() + " ms");
        assertEquals(1, survivor.presence("/cluster").count(), "the survivor's own session stays");
        assertEquals(1,
            survivor.broadcaster("/cluster").toAll("said", new ClusterChat.Said("s", "still here")));
        local.awaitEvent("said");
        Eventually.within(PROMISED, "the killed node's claim taken over",
            () -> local.callText("rename alice").equals("renamed alice"));
      } finally {
        doomed.destroyForcibly();
      }
    }
  }

  private static Process startNodeProcess(String clusterName) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(List.of(
            java, "-cp", System.getProperty("java.class.path"), NodeMain.class.getName(),
            redis.uri(), clusterName))
        .redirectErrorStream(true)
        .start();
  }

  /** Reads the process's output until it says its port (and keeps draining it). */
  private static int portOf(Process process) throws Exception {
    CompletableFuture<Integer> port = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader out = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          if (line.startsWith("port=")) {
            port.complete(Integer.parseInt(line.substring(5)));
          }
        }
      } catch (Exception e) {
        port.completeExceptionally(e);
      }
      port.completeExceptionally(new IllegalStateException("the node exited before serving"));
    });
    reader.setDaemon(true);
    reader.start();
    return port.get(30, TimeUnit.SECONDS);
  }
}
