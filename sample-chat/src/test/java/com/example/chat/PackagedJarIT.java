package com.example.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.test.RedisServer;
import io.switchboard.test.WsTestClient;
import java.io.BufferedReader;
import io.switchboard.test.TrustStores;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar the README tells people to run, run as they would: {@code java -jar
 * target/switchboard-sample-chat.jar}. It must be self-contained (the generated dispatchers and
 * codecs found through its merged {@code META-INF/services}), serve the page and the chat, and
 * print the address to open.
 */
class PackagedJarIT {

  private static final Path JAR = Path.of("target", "switchboard-sample-chat.jar");
  private static final Pattern URL = Pattern.compile("open (https?://\\S+) in two browser tabs");

  private static Process java(String... args) throws IOException {
    return java(Map.of(), args);
  }

  private static Process java(Map<String, String> environment, String... args) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>(List.of(java.toString(), "-jar", JAR.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(environment);
    return builder.start();
  }

  @Test
  void helpListsTheFlagsAndExits() throws Exception {
    assertTrue(Files.isRegularFile(JAR), JAR + " was not built");
    Process process = java("--help");
    String output = outputOnceEnded(process, 30);
    assertEquals(0, process.exitValue());
    assertEquals(ChatOptions.USAGE, output);
  }

  @Test
  void aBadFlagIsExplainedWithExitCode2() throws Exception {
    Process process = java("--port", "eighty");
    String output = outputOnceEnded(process, 30);
    assertEquals(2, process.exitValue());
    assertEquals("--port must be a port number 0-65535, not \"eighty\"", output.strip());
  }

  @Test
  void aPortInUseIsOneLineAndExitCode1() throws Exception {
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      Process process = java("--port=" + taken.getLocalPort(), "--host", "127.0.0.1");
      String output = outputOnceEnded(process, 30);
      assertEquals(1, process.exitValue());
      assertTrue(output.contains("Cannot start the chat: port " + taken.getLocalPort() + " is in use"), output);
      assertFalse(output.contains("\tat "), output);
    }
  }

  @Test
  void theJarServesThePageAndTheChatAtTheAddressItPrints() throws Exception {
    Process process = java("--port", "0", "--host", "127.0.0.1");
    try {
      String url = printedUrl(process).get(30, TimeUnit.SECONDS);
      HttpResponse<String> page =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(url)).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(200, page.statusCode());
      assertTrue(page.body().contains("<title>Switchboard chat</title>"));

      try (WsTestClient chat =
          WsTestClient.connect(URI.create(url.replace("http://", "ws://") + "chat"))) {
        chat.awaitEvent("welcome");
        assertTrue(chat.callText("hello").startsWith("Hello, guest-"));
        assertEquals(ChatEndpointTest.COMMANDS.size(), chat.call("help").path("commands").size());
      }
    } finally {
      process.destroy();
      assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the server did not stop on SIGTERM");
    }
  }

  @Test
  void thePortComesFromSwitchboardPortWhenNoFlagGivesIt() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Process process =
        java(Map.of("SWITCHBOARD_PORT", String.valueOf(port), "SWITCHBOARD_HOST", "127.0.0.1"));
    try {
      assertEquals("http://127.0.0.1:" + port + "/", printedUrl(process).get(30, TimeUnit.SECONDS));
    } finally {
      process.destroy();
      assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the server did not stop on SIGTERM");
    }
  }

  @Test
  void theJarScrapesItsMetricsAndAnswersItsHealthProbesWhenAsked() throws Exception {
    Process process =
        java(Map.of("SWITCHBOARD_METRICS_PATH", "/metrics", "SWITCHBOARD_HEALTH_PATH", "/health"),
            "--port", "0", "--host", "127.0.0.1");
    try {
      String url = printedUrl(process).get(30, TimeUnit.SECONDS);
      try (WsTestClient chat =
          WsTestClient.connect(URI.create(url.replace("http://", "ws://") + "chat"))) {
        chat.awaitEvent("welcome");
        chat.callText("hello");
      }
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> metrics =
          http.send(HttpRequest.newBuilder(URI.create(url + "metrics")).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, metrics.statusCode());
      assertTrue(metrics.body().contains("switchboard_sessions_opened_total{endpoint=\"/chat\"} 1.0"), metrics.body());
      assertTrue(metrics.body().contains("switchboard_command_duration_seconds_count{command=\"hello\",endpoint=\"/chat\",outcome=\"ok\"} 1"),
          metrics.body());
      HttpResponse<String> ready =
          http.send(HttpRequest.newBuilder(URI.create(url + "health/ready")).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, ready.statusCode());
    } finally {
      process.destroy();
      assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the server did not stop on SIGTERM");
    }
  }

  /**
   * docs/sample-chat.md's try-out of {@code wss://}, its two commands as printed but for the jar's
   * path and a free port instead of 8443: keytool makes the keystore, the jar serves from it.
   */
  @Test
  void theSelfSignedTryOutOfTheDocsServesWss(@TempDir Path directory) throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    List<String> commands =
        docsBlock("keytool ")
            .replace("sample-chat/target/switchboard-sample-chat.jar", JAR.toAbsolutePath().toString())
            .replace("8443", String.valueOf(port))
            .replace("\\\n", " ")
            .lines()
            .toList();
    assertEquals(2, commands.size(), commands::toString);
    Process keytool = shell(directory, commands.get(0));
    String keytoolOutput = outputOnceEnded(keytool, 30);
    assertEquals(0, keytool.exitValue(), keytoolOutput);

    Process process = shell(directory, "exec " + commands.get(1));
    try {
      String url = printedUrl(process).get(30, TimeUnit.SECONDS);
      assertEquals("https://localhost:" + port + "/", url);
      try (WsTestClient chat =
          WsTestClient.builder(URI.create("wss://localhost:" + port + "/chat"))
              .sslContext(TrustStores.trusting(directory.resolve("chat.p12"), "changeit".toCharArray()))
              .connect()) {
        assertEquals("lobby", chat.awaitEvent("welcome").path("room").asText());
      }
    } finally {
      process.destroy();
      assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the server did not stop on SIGTERM");
    }
  }

  /**
   * docs/scaling.md's two-node demo as printed, but for the jar's path, free ports and a Redis of
   * the test's own: a line said on one node reaches the other, users lists both, joins and renames
   * are announced across nodes.
   */
  @Test
  void twoNodesOfTheJarChatThroughRedis(@TempDir Path directory) throws Exception {
    try (RedisServer redis = RedisServer.start()) {
      int[] ports = new int[2];
      for (int i = 0; i < 2; i++) {
        try (ServerSocket socket = new ServerSocket(0)) {
          ports[i] = socket.getLocalPort();
        }
      }
      List<String> commands =
          docsBlock("SWITCHBOARD_CLUSTER=", "scaling.md")
              .replace("sample-chat/target/switchboard-sample-chat.jar", JAR.toAbsolutePath().toString())
              .replace("6379", String.valueOf(redis.port()))
              .replace("8081", String.valueOf(ports[0]))
              .replace("8082", String.valueOf(ports[1]))
              .lines()
              .map(line -> line.endsWith(" &") ? line.substring(0, line.length() - 2) : line)
              .toList();
      assertEquals(2, commands.size(), commands::toString);
      // exec (through env for the line that sets a variable) so that destroy() stops the jar itself
      Process first = shell(directory, "exec env " + commands.get(0));
      Process second = shell(directory, "exec " + commands.get(1));
      try {
        printedUrl(first).get(30, TimeUnit.SECONDS);
        printedUrl(second).get(30, TimeUnit.SECONDS);
        // A node subscribes to a room when its first member joins; a push published on the other
        // node before that subscription reaches Redis would miss it, so each step waits for it.
        String lobby = "switchboard:/chat:room:lobby";
        try (RoomSubscribers subscribers = new RoomSubscribers(redis.uri());
            WsTestClient ada = WsTestClient.connect(URI.create("ws://localhost:" + ports[0] + "/chat"))) {
          String adaId = ada.awaitEvent("welcome").path("id").asText();
          subscribers.await(lobby, 1);
          WsTestClient bob = WsTestClient.connect(URI.create("ws://localhost:" + ports[1] + "/chat"));
          String bobId = bob.awaitEvent("welcome").path("id").asText();
          assertEquals(bobId, ada.awaitEvent("joined").path("id").asText(),
              "Bob's join on the second node is announced on the first");
          subscribers.await(lobby, 2);
          assertEquals("You are now Ada.", ada.callText("name Ada"));
          assertEquals("Ada", bob.awaitEvent("renamed").path("to").asText());

          ada.call("say", Map.of("text", "hello from node one"));
          assertEquals("hello from node one", bob.awaitEvent("chat").path("text").asText());
          awaitUsers(bob, List.of(adaId, bobId));
          assertEquals("name_taken",
              org.junit.jupiter.api.Assertions.assertThrows(
                  io.switchboard.test.ErrorReplyException.class, () -> bob.call("name", "ada")).code());
          bob.close();
        }
      } finally {
        first.destroy();
        second.destroy();
        assertTrue(first.waitFor(30, TimeUnit.SECONDS) && second.waitFor(30, TimeUnit.SECONDS));
      }
    }
  }

  /** How many nodes subscribe to a channel, asked of Redis itself. */
  private static final class RoomSubscribers implements AutoCloseable {
    private final io.lettuce.core.RedisClient client;
    private final io.lettuce.core.api.StatefulRedisConnection<String, String> connection;

    RoomSubscribers(String uri) {
      client = io.lettuce.core.RedisClient.create(uri);
      connection = client.connect();
    }

    void await(String channel, long count) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (connection.sync().pubsubNumsub(channel).getOrDefault(channel, 0L) < count) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError(count + " subscribers to " + channel + " not within 10 s");
        }
        Thread.sleep(20);
      }
    }

    @Override
    public void close() {
      connection.close();
      client.shutdown();
    }
  }

  /** Presence replicates within about a second: asks {@code users} until it lists {@code ids}. */
  private static void awaitUsers(WsTestClient client, List<String> ids) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    List<String> listed = List.of();
    while (System.nanoTime() < deadline) {
      listed = new ArrayList<>();
      for (var user : client.call("users").path("users")) {
        listed.add(user.path("id").asText());
      }
      if (listed.containsAll(ids) && client.call("users").path("online").asInt() == ids.size()) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("users listed " + listed + ", expected " + ids);
  }

  /**
   * docs/deployment.md's fast start as printed, but for the jar's path: the training run writes the
   * class data sharing archive, and the jar started from it serves the chat. {@code -Xshare:on}
   * makes an archive the JVM cannot use fail the start instead of being ignored. Never a speed.
   */
  @Test
  void theFastStartOfTheDocsWritesAnArchiveThatTheJarStartsFromAndServes(@TempDir Path directory)
      throws Exception {
    fastStart(directory, "java -XX:ArchiveClassesAtExit=", "chat.jsa", "-Xshare:on", Path.of(System.getProperty("java.home")));
  }

  /**
   * The same for the JDK 25 route, the AOT cache, on a JDK 25 or newer: {@code -XX:AOTMode=on}
   * makes a cache the JVM cannot use fail the start.
   */
  @Test
  void theJdk25FastStartOfTheDocsWritesAnAotCacheThatTheJarStartsFromAndServes(@TempDir Path directory)
      throws Exception {
    fastStart(directory, "java -XX:AOTCacheOutput=", "chat.aot", "-XX:AOTMode=on", AotJdk.require());
  }

  /**
   * The fastest route, on a JDK 25 or newer: {@code jlink} makes a runtime of the jar's modules,
   * whose training run writes the AOT cache that the jar then starts from.
   */
  @Test
  void theJlinkedRuntimeOfTheDocsWritesAnAotCacheThatTheJarStartsFromAndServes(@TempDir Path directory)
      throws Exception {
    fastStart(directory, "jlink ", "chat.aot", "-XX:AOTMode=on", AotJdk.require());
    assertTrue(Files.isExecutable(directory.resolve("chat-runtime/bin/java")), "no runtime made");
  }

  /**
   * The runtime's modules are those jdeps finds the jar using, with java.management in place of
   * jdk.management, as the page says: a dependency that needs one more module fails here, not in
   * production.
   */
  @Test
  void theJlinkedRuntimeHoldsTheModulesJdepsFindsTheJarUsing() throws Exception {
    Path jdk = AotJdk.require();
    String command = docsBlock("jlink ", "deployment.md").lines().findFirst().orElseThrow();
    Matcher listed = Pattern.compile("--add-modules (\\S+)").matcher(command);
    assertTrue(listed.find(), command);

    Process jdeps =
        new ProcessBuilder(
                jdk.resolve("bin/jdeps").toString(), "--ignore-missing-deps", "--print-module-deps",
                "--multi-release", Integer.toString(AotJdk.version(jdk)), JAR.toString())
            .redirectErrorStream(true)
            .start();
    String printed = outputOnceEnded(jdeps, 120);
    assertEquals(0, jdeps.exitValue(), printed);
    Set<String> expected = new TreeSet<>(List.of(printed.strip().lines().reduce((a, b) -> b).orElseThrow().split(",")));
    assertTrue(expected.remove("jdk.management"), "jdeps no longer lists jdk.management: " + printed);
    expected.add("java.management");

    assertEquals(expected, new TreeSet<>(List.of(listed.group(1).split(","))));
  }

  /**
   * Runs the lines of the docs block that starts with {@code block} on the JDK at {@code jdk}:
   * every line but the last must succeed, one of them the training run, which must say it is done
   * and leave {@code file}; the server of the last line, with {@code strict} added, must serve the
   * chat.
   */
  private static void fastStart(Path directory, String block, String file, String strict, Path jdk)
      throws Exception {
    List<String> commands =
        docsBlock(block, "deployment.md")
            .replace("sample-chat/target/switchboard-sample-chat.jar", JAR.toAbsolutePath().toString())
            .lines()
            .toList();
    StringBuilder preparation = new StringBuilder();
    for (String command : commands.subList(0, commands.size() - 1)) {
      Process step = shell(directory, command, jdk);
      String output = outputOnceEnded(step, 120);
      assertEquals(0, step.exitValue(), command + ":\n" + output);
      preparation.append(output);
    }
    assertTrue(preparation.toString().contains("warm-up done"), preparation::toString);
    assertTrue(Files.size(directory.resolve(file)) > 0, "nothing written to " + file + ":\n" + preparation);

    String start = commands.get(commands.size() - 1);
    Process server =
        shell(directory, "exec " + start.replace("java ", "java " + strict + " ") + " --port 0 --host 127.0.0.1", jdk);
    try {
      String url = printedUrl(server).get(60, TimeUnit.SECONDS);
      try (WsTestClient chat =
          WsTestClient.connect(URI.create(url.replace("http://", "ws://") + "chat"))) {
        chat.awaitEvent("welcome");
        assertTrue(chat.callText("hello").startsWith("Hello, guest-"));
      }
    } finally {
      server.destroy();
      assertTrue(server.waitFor(30, TimeUnit.SECONDS), "the server did not stop on SIGTERM");
    }
  }

  /**
   * The output of a process that is to end by itself, once it has; read while it runs (a full pipe
   * would stall it), and given up on with the process killed after {@code seconds}.
   */
  private static String outputOnceEnded(Process process, int seconds) throws Exception {
    CompletableFuture<String> output =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(
          process.info().commandLine().orElse("a process") + " did not end within " + seconds + " s");
    }
    return output.get(10, TimeUnit.SECONDS);
  }

  private static Process shell(Path directory, String command) throws IOException {
    return shell(directory, command, Path.of(System.getProperty("java.home")));
  }

  /** {@code command} in bash, in {@code directory}, with the tools of the JDK at {@code jdk} first on the PATH. */
  private static Process shell(Path directory, String command, Path jdk) throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder("bash", "-c", command).directory(directory.toFile()).redirectErrorStream(true);
    String bin = jdk.resolve("bin").toString();
    builder.environment().merge("PATH", bin, (path, first) -> first + java.io.File.pathSeparator + path);
    return builder.start();
  }

  /** The plain fenced block of docs/sample-chat.md that starts with {@code start}. */
  private static String docsBlock(String start) throws IOException {
    return docsBlock(start, "sample-chat.md");
  }

  /** The plain fenced block of a page of docs/ that starts with {@code start}. */
  private static String docsBlock(String start, String page) throws IOException {
    Matcher fence =
        Pattern.compile("^```\\n(.*?)^```", Pattern.DOTALL | Pattern.MULTILINE)
            .matcher(Files.readString(Path.of("..", "docs", page)));
    while (fence.find()) {
      if (fence.group(1).startsWith(start)) {
        return fence.group(1);
      }
    }
    throw new AssertionError("docs/" + page + " has no block starting " + start);
  }

  /**
   * The page address from the line the jar prints once it is up; the rest of its output is drained.
   */
  private static CompletableFuture<String> printedUrl(Process process) {
    CompletableFuture<String> url = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                StringBuilder output = new StringBuilder();
                for (String line; (line = lines.readLine()) != null; ) {
                  output.append(line).append('\n');
                  Matcher matcher = URL.matcher(line);
                  if (matcher.find()) {
                    url.complete(matcher.group(1));
                  }
                }
                url.completeExceptionally(
                    new AssertionError("the jar printed no address:\n" + output));
              } catch (IOException e) {
                url.completeExceptionally(e);
              }
            },
            "chat-jar-output");
    reader.setDaemon(true);
    reader.start();
    return url;
  }
}
