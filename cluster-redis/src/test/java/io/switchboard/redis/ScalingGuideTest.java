package io.switchboard.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.redis.app.Lobby;
import io.switchboard.redis.testing.Eventually;
import io.switchboard.redis.testing.RedisProbe;
import io.switchboard.test.ErrorReplyException;
import io.switchboard.test.RedisServer;
import io.switchboard.test.TcpProxy;
import io.switchboard.test.WsTestClient;
import io.switchboard.undertow.Switchboard;
import io.switchboard.undertow.SwitchboardServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs docs/scaling.md: its Java examples (the {@link Lobby} app, the builder, the test-kit
 * snippet) on two nodes and a real Redis, its nginx upstream in front of them, and holds every
 * line of its Java blocks to the sources that run them.
 */
class ScalingGuideTest {

  private static final Path GUIDE = Path.of("../docs/scaling.md");
  private static final List<Path> SOURCES = List.of(
      Path.of("src/test/java/io/switchboard/redis/ScalingGuideTest.java"),
      Path.of("src/test/java/io/switchboard/redis/app/Lobby.java"));

  @Test
  void twoNodesOfTheLobbyShareNamesRoomsAndTicks() {
    try (RedisServer redis = RedisServer.start()) {
      List<SwitchboardServer> nodes = new ArrayList<>();
      try {
        for (String nodeName : List.of("one", "two")) {
          nodes.add(startNode(redis, nodeName));
        }
        for (SwitchboardServer node : nodes) {
          Eventually.within(Duration.ofSeconds(10), "connected", () -> node.stats().clusterConnected());
        }
        try (WsTestClient ada = client(nodes.get(0));
            WsTestClient bob = client(nodes.get(1));
            RedisProbe probe = new RedisProbe(redis.uri())) {
          assertEquals("You are now Ada", ada.callText("name Ada"));
          assertEquals("name_taken",
              assertThrows(ErrorReplyException.class, () -> bob.call("name", "ADA")).code());
          assertEquals("You are now Bob", bob.callText("name Bob"));
          Eventually.within(Duration.ofSeconds(3), "both listed on both nodes",
              () -> ada.call("who").size() == 2 && bob.call("who").size() == 2);

          probe.awaitSubscribers("lobby:/lobby:room:lobby", 2);
          ada.send("shout hello");
          assertEquals("hello", bob.awaitEvent("shout").asText());
          assertEquals("hello", ada.awaitEvent("shout").asText());

          List<java.time.Instant> clocks = new ArrayList<>();
          for (int i = 0; i < 4; i++) {
            clocks.add(java.time.Instant.parse(ada.awaitEvent("clock").path("now").asText()));
          }
          for (int i = 2; i < clocks.size(); i++) { // the first may come from the node losing the race
            assertTrue(Duration.between(clocks.get(i - 1), clocks.get(i)).toMillis() >= 500,
                "one tick a second, not one per node: " + clocks);
          }
          assertEquals("one", ada.awaitEvent("load").path("node").asText());
          assertEquals("two", bob.awaitEvent("load").path("node").asText());
        }
      } finally {
        nodes.forEach(node -> node.stop(Duration.ofSeconds(2)));
      }
    }
  }

  @Test
  void aClientCutOffOnOneNodeRecoversOnTheOther() {
    try (RedisServer redis = RedisServer.start()) {
      List<SwitchboardServer> nodes = new ArrayList<>();
      try {
        for (String nodeName : List.of("one", "two")) {
          nodes.add(startNodeWithHistory(redis, nodeName));
        }
        for (SwitchboardServer node : nodes) {
          Eventually.within(Duration.ofSeconds(10), "connected", () -> node.stats().clusterConnected());
        }
        try (TcpProxy proxy = TcpProxy.to(nodes.get(0).port());
            WsTestClient ada = WsTestClient.builder(proxy.uri("/lobby")).recoverable().connect();
            WsTestClient bob = client(nodes.get(1))) {
          String id = ada.awaitSession().get("id").asText();
          assertEquals("You are now Ada", ada.callText("name Ada"));
          proxy.cut(); // a reset, no close frame: node one keeps Ada's session for the window
          Eventually.within(Duration.ofSeconds(10), "node one noticed",
              () -> nodes.get(0).sessions("/lobby").count() == 0);
          bob.send("shout one");
          bob.send("shout two");
          assertEquals("two", awaitShout(bob, "two"));

          proxy.target(nodes.get(1).port()); // the load balancer sends her to node two
          try (WsTestClient back = ada.reconnectAndRecover()) {
            assertEquals("one", back.awaitEvent("shout").asText());
            assertEquals("two", back.awaitEvent("shout").asText());
            var session = back.awaitSession();
            assertEquals(id, session.get("id").asText());
            assertTrue(session.at("/rooms/lobby/recovered").asBoolean(), session::toString);
            assertEquals(2, session.at("/rooms/lobby/missed").asInt(), session::toString);
            assertEquals("name_taken",
                assertThrows(ErrorReplyException.class, () -> bob.call("name", "ada")).code());
            Eventually.within(Duration.ofSeconds(10), "Ada is listed once, on node two",
                () -> names(bob.call("who")).equals(List.of("Ada", "guest")));
          }
        }
      } finally {
        nodes.forEach(node -> node.stop(Duration.ofSeconds(2)));
      }
    }
  }

  private static List<String> names(com.fasterxml.jackson.databind.JsonNode who) {
    List<String> names = new ArrayList<>();
    who.forEach(name -> names.add(name.asText()));
    names.sort(null);
    return names;
  }

  private static String awaitShout(WsTestClient client, String text) {
    String shout;
    do {
      shout = client.awaitEvent("shout").asText();
    } while (!shout.equals(text));
    return shout;
  }

  /** The history builder of docs/scaling.md, with the test's Redis and a free port. */
  private static SwitchboardServer startNodeWithHistory(RedisServer redis, String nodeName) {
    return onAFreePort(() -> {
      SwitchboardServer node = Switchboard.server()
          .cluster(redis.uri())
          .clusterName("lobby")
          .roomHistory("lobby", 500, Duration.ofMinutes(2))
          .endpoint(new Lobby(nodeName))
          .start();
      return node;
    });
  }

  /** Starts a node as the guide does, but on a free port and without a shutdown hook. */
  private static SwitchboardServer onAFreePort(java.util.function.Supplier<SwitchboardServer> start) {
    System.setProperty("switchboard.port", "0");
    System.setProperty("switchboard.shutdown-hook", "false");
    try {
      return start.get();
    } finally {
      System.clearProperty("switchboard.port");
      System.clearProperty("switchboard.shutdown-hook");
    }
  }

  /** The builder of docs/scaling.md, with the test's Redis and a free port. */
  private static SwitchboardServer startNode(RedisServer redis, String nodeName) {
    return onAFreePort(() -> {
      SwitchboardServer node = Switchboard.server()
          .cluster(redis.uri())
          .clusterName("lobby")
          .endpoint(new Lobby(nodeName))
          .start();
      return node;
    });
  }

  @Test
  void theTestKitSnippetStartsTwoNodes() {
    try (RedisServer redis = RedisServer.start()) {
      System.setProperty("switchboard.shutdown-hook", "false");
      try {
        SwitchboardServer one = Switchboard.server().port(0).cluster(redis.uri()).start();
        SwitchboardServer two = Switchboard.server().port(0).cluster(redis.uri()).start();
        try {
          Eventually.within(Duration.ofSeconds(10), "both connected",
              () -> one.stats().clusterConnected() && two.stats().clusterConnected());
          assertTrue(one.config().cluster().startsWith("redis://127.0.0.1:"));
        } finally {
          one.stop(Duration.ofSeconds(2));
          two.stop(Duration.ofSeconds(2));
        }
      } finally {
        System.clearProperty("switchboard.shutdown-hook");
      }
    }
  }

  @Test
  void nginxAsPrintedSpreadsClientsOverBothNodes(@TempDir Path directory) throws Exception {
    Path nginx = Path.of("/usr/sbin/nginx");
    if (!Files.isExecutable(nginx)) {
      String message = "nginx is not installed: the scaling guide's upstream cannot run";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        Assertions.fail(message);
      }
      System.err.println("SKIPPED: " + message);
      Assumptions.abort(message);
    }
    try (RedisServer redis = RedisServer.start()) {
      SwitchboardServer one = startNode(redis, "one");
      SwitchboardServer two = startNode(redis, "two");
      int front = freePort();
      String site = blocks("nginx").get(0)
          .replace("server 127.0.0.1:8081;", "server 127.0.0.1:" + one.port() + ";")
          .replace("server 127.0.0.1:8082;", "server 127.0.0.1:" + two.port() + ";")
          .replace("listen 8080;", "listen 127.0.0.1:" + front + ";");
      Files.writeString(directory.resolve("site.conf"), site);
      String temp = directory.toString();
      Files.writeString(directory.resolve("nginx.conf"),
          "pid " + temp + "/nginx.pid;\nerror_log " + temp + "/error.log;\nevents {}\nhttp {\n"
              + "  access_log off;\n"
              + "  client_body_temp_path " + temp + "/body; proxy_temp_path " + temp + "/proxy;\n"
              + "  fastcgi_temp_path " + temp + "/fastcgi; uwsgi_temp_path " + temp + "/uwsgi;"
              + " scgi_temp_path " + temp + "/scgi;\n"
              + "  include " + temp + "/site.conf;\n}\n");
      Process proxy = new ProcessBuilder(nginx.toString(), "-c",
          directory.resolve("nginx.conf").toString(), "-g", "daemon off;")
          .redirectErrorStream(true).redirectOutput(directory.resolve("out.log").toFile()).start();
      List<WsTestClient> clients = new ArrayList<>();
      try {
        Eventually.within(Duration.ofSeconds(10), "both nodes connected",
            () -> one.stats().clusterConnected() && two.stats().clusterConnected());
        Eventually.within(Duration.ofSeconds(10), "nginx listening", () -> listening(front));
        for (int i = 0; i < 4; i++) {
          WsTestClient client = WsTestClient.connect(URI.create("ws://127.0.0.1:" + front + "/lobby"));
          clients.add(client);
          client.callText("name user" + i);
        }
        assertEquals(2, one.sessions("/lobby").count(), "round robin: half on each node");
        assertEquals(2, two.sessions("/lobby").count());
        Eventually.within(Duration.ofSeconds(3), "every user listed through any node",
            () -> clients.get(0).call("who").size() == 4);
      } finally {
        clients.forEach(WsTestClient::close);
        proxy.destroy();
        assertTrue(proxy.waitFor(10, TimeUnit.SECONDS), "nginx did not stop");
        one.stop(Duration.ofSeconds(2));
        two.stop(Duration.ofSeconds(2));
      }
    }
  }

  @Test
  void everyBlockOfTheGuideIsRun() throws IOException {
    assertEquals(6, blocks("java").size(), "java blocks: each must be in " + SOURCES);
    assertEquals(1, blocks("nginx").size(), "nginx blocks: run above");
    assertEquals(1, blocks("").size(), "the two-node demo: run by sample-chat's PackagedJarIT");
    assertEquals(1, blocks("xml").size(), "the dependency");
    String pom = Files.readString(Path.of("pom.xml"));
    for (String line : blocks("xml").get(0).lines().map(String::strip).toList()) {
      if (line.startsWith("<artifactId>") || line.startsWith("<groupId>io") || line.startsWith("<version>")) {
        assertTrue(pom.contains(line), "the dependency as the module declares it: " + line);
      }
    }
  }

  @Test
  void everyLineOfTheJavaExamplesIsInTheSourcesThatRunThem() throws IOException {
    StringBuilder sources = new StringBuilder();
    for (Path source : SOURCES) {
      sources.append(normalized(Files.readString(source))).append(' ');
    }
    List<String> missing = new ArrayList<>();
    for (String block : blocks("java")) {
      for (String line : block.split("\n")) {
        // The guide's fixed Redis address is the test's own Redis here.
        String expected = line.replace("\"redis://127.0.0.1:6379\"", "redis.uri()");
        if (!expected.isBlank() && !sources.toString().contains(normalized(expected))) {
          missing.add(line.strip());
        }
      }
    }
    assertTrue(missing.isEmpty(), "lines of " + GUIDE + " that no test runs: " + missing);
    assertFalse(blocks("java").isEmpty());
  }

  private static List<String> blocks(String language) throws IOException {
    Matcher fence = Pattern.compile("^```(\\w*)\\n(.*?)^```", Pattern.DOTALL | Pattern.MULTILINE)
        .matcher(Files.readString(GUIDE));
    List<String> blocks = new ArrayList<>();
    while (fence.find()) {
      if (fence.group(1).equals(language)) {
        blocks.add(fence.group(2));
      }
    }
    return blocks;
  }

  private static String normalized(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }

  private static WsTestClient client(SwitchboardServer node) {
    return WsTestClient.connect(URI.create("ws://127.0.0.1:" + node.port() + "/lobby"));
  }

  private static boolean listening(int port) {
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
