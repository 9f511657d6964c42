package io.switchboard.undertow.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.undertow.testing.SelfSignedCertificate;
import io.switchboard.undertow.testing.WsClient;
import java.io.File;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable examples of the docs that belong to the runtime, taken from the Markdown as
 * printed and run against real sockets: the Java blocks of configuration.md, broadcast.md,
 * security.md, faq.md and the README, compiled with the annotation processor; protocol.md's
 * conversation and envelopes, spoken to the endpoint of annotations.md; and the pages' command
 * lines ({@code java -jar app.jar} with settings, keytool, curl) and deployment.md's systemd unit
 * and nginx configuration (where those tools exist), on free ports instead of the printed
 * 8080/8443/9000.
 *
 * <p>Each page's Java blocks go into a small file that declares what the page leaves to the reader
 * (a {@code ChatService}, a {@code users} lookup); the blocks themselves are not edited, so the
 * docs cannot drift from what runs here. A page that gains a Java block fails {@link
 * #everyJavaBlockOfThePagesIsRunHere} until a test runs it.
 */
class DocsExamplesTest {

  private static final String API_IMPORTS =
      """
      import io.switchboard.*;
      import io.switchboard.undertow.*;
      import java.nio.file.Path;
      import java.security.Principal;
      import java.time.Duration;
      import java.util.*;
      """;

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path work;
  static URLClassLoader served;
  static URLClassLoader factories;
  static URLClassLoader broadcast;
  static URLClassLoader security;
  static URLClassLoader protocol;
  static URLClassLoader faq;
  static URLClassLoader readme;

  final List<AutoCloseable> servers = new ArrayList<>();
  final List<WsClient> clients = new ArrayList<>();

  @BeforeAll
  static void compileThePagesExamples() throws Exception {
    served = compile("served", configurationServed());
    factories = compile("factories", configurationFactories());
    broadcast = compile("broadcast", broadcastExamples());
    security = compile("security", securityExamples());
    protocol = compile("protocol", protocolExamples());
    faq = compile("faq", faqExamples());
    readme = compile("readme", readmeExample());
  }

  @AfterAll
  static void closeLoaders() throws Exception {
    for (URLClassLoader loader : List.of(served, factories, broadcast, security, protocol, faq, readme)) {
      loader.close();
    }
  }

  @AfterEach
  void stop() throws Exception {
    clients.forEach(WsClient::close);
    for (AutoCloseable server : servers) {
      server.close();
    }
  }

  @Test
  void everyJavaBlockOfThePagesIsRunHere() {
    assertEquals(3, MarkdownBlocks.of("configuration.md", "java").size(), "configuration.md");
    assertEquals(8, MarkdownBlocks.of("broadcast.md", "java").size(), "broadcast.md");
    assertEquals(5, MarkdownBlocks.of("security.md", "java").size(), "security.md");
    assertEquals(2, MarkdownBlocks.of("faq.md", "java").size(), "faq.md");
    assertEquals(1, MarkdownBlocks.of("../README.md", "java").size(), "README.md");
  }

  // configuration.md

  private static Map<String, String> configurationServed() {
    List<String> page = MarkdownBlocks.of("configuration.md", "java");
    return Map.of(
        "Main", page.get(0),
        "docs.ChatEndpoint",
        """
        package docs;
        import io.switchboard.*;
        @WsEndpoint("/chat")
        public class ChatEndpoint {
          @WsCommand String hello() { return "Hello, human"; }
        }
        """,
        "docs.RunningServer",
        "package docs;\n" + API_IMPORTS
            + "public class RunningServer {\n"
            + "  public static Object run() {\n"
            + page.get(2) + "\n"
            + "    return List.of(port, stats.openSessions(), server);\n"
            + "  }\n"
            + "}\n");
  }

  @Test
  void theMainIsConfiguredFromTheEnvironmentAsPrinted() throws Exception {
    int port = freePort();
    String command = configurationCommand("SWITCHBOARD_PORT=").replace("9000", String.valueOf(port));

    Process app = startCommand(command, Map.of());
    try {
      WsClient client = awaitConnect(app, HTTP, URI.create("ws://127.0.0.1:" + port + "/chat"),
          Map.of("Origin", "https://chat.example.com"));
      clients.add(client);
      assertEquals("Hello, human", client.send("hello").next());
      assertEquals(403, refusedStatus(port, "/chat", "https://elsewhere.example.com"));
      client.socket().sendClose(1001, "going away"); // as a browser tab that is closed
      client.awaitClose();
    } finally {
      stop(app);
    }
    // What the page's logging section prints, made-up thread, session and address aside.
    String log = Files.readString(work.resolve("app.log"));
    List<String> printed = MarkdownBlocks.of("configuration.md", "").stream()
        .filter(block -> block.contains("EndpointRuntime")).findFirst().orElseThrow().lines().toList();
    for (String line : printed) {
      String withoutThread = line.replaceFirst("^\\[[^]]+] ", "");
      String pattern = "(?m)^\\[[^]]+] " + Pattern.quote(withoutThread)
          .replace("Qm9v3x1aB2c_dEfG", "\\E[\\w-]+\\Q")
          .replace("/203.0.113.7:51544", "\\E/127\\.0\\.0\\.1:\\d+\\Q") + "$";
      assertTrue(Pattern.compile(pattern).matcher(log).find(), line + " is not in the log:\n" + log);
    }
  }

  @Test
  void aSystemPropertyConfiguresTheMainAndWinsOverTheEnvironment() throws Exception {
    int port = freePort();
    String command = configurationCommand("java -D").replace("9000", String.valueOf(port));

    Process app = startCommand(command, Map.of("SWITCHBOARD_PORT", "1"));
    try {
      WsClient client = awaitConnect(app, HTTP, URI.create("ws://127.0.0.1:" + port + "/chat"), Map.of());
      clients.add(client);
      assertEquals("Hello, human", client.send("hello").next());
    } finally {
      stop(app);
    }
  }

  /** The line of configuration.md's command block that starts with {@code start}. */
  private static String configurationCommand(String start) {
    return MarkdownBlocks.of("configuration.md", "").stream()
        .flatMap(String::lines)
        .filter(line -> line.startsWith(start) && line.endsWith("-jar app.jar"))
        .findFirst().orElseThrow(() -> new AssertionError("configuration.md has no command " + start + "…"));
  }

  /**
   * Runs a command line of the docs in a directory holding {@code app.jar}: configuration.md's
   * {@code Main} with the runtime on its manifest class path, as a packaged app. This JDK comes
   * first on the PATH; {@code environment} is what the shell had already exported.
   */
  private static Process startCommand(String command, Map<String, String> environment) throws Exception {
    Path directory = work.resolve("app");
    if (!Files.exists(directory.resolve("app.jar"))) {
      Files.createDirectories(directory);
      Manifest manifest = new Manifest();
      manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
      manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "Main");
      manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH,
          Arrays.stream(DocsCompiler.applicationClassPathString(work.resolve("served")).split(File.pathSeparator))
              .map(entry -> Path.of(entry).toUri().toString()).collect(Collectors.joining(" ")));
      try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(directory.resolve("app.jar")), manifest)) {
        // the manifest is all: the classes come through its class path
      }
    }
    // A single command: bash runs it in its own place, so the app gets the SIGTERM of stop().
    ProcessBuilder shell = new ProcessBuilder("bash", "-c", command).directory(directory.toFile());
    String jdk = Path.of(System.getProperty("java.home"), "bin").toString();
    shell.environment().merge("PATH", jdk, (path, bin) -> bin + File.pathSeparator + path);
    shell.environment().put("SWITCHBOARD_HOST", "127.0.0.1");
    shell.environment().putAll(environment);
    shell.redirectErrorStream(true).redirectOutput(work.resolve("app.log").toFile());
    return shell.start();
  }

  private static void stop(Process app) throws InterruptedException {
    app.destroy(); // SIGTERM: the shutdown hook, on by default, stops it gracefully
    assertTrue(app.waitFor(10, TimeUnit.SECONDS), "Main did not stop on SIGTERM");
  }

  @Test
  void theRunningServerExampleTellsItsPortAndStops() throws Exception {
    List<?> result = (List<?>) run(served, "docs.RunningServer");
    int port = (int) result.get(0);
    assertTrue(port > 0, "port() tells the port picked for 0");
    assertEquals(0, result.get(1));
    // stopped by the example: nothing listens any more
    ExecutionException refused =
        assertThrows(ExecutionException.class, () -> WsClient.connect(port, "/chat"));
    assertTrue(refused.getCause() instanceof ConnectException, refused.toString());
  }

  private static Map<String, String> configurationFactories() {
    return Map.of(
        "docs.ChatService",
        """
        package docs;
        public record ChatService(Object database) {
          String greeting() { return "Hello from the service over " + database; }
        }
        """,
        "docs.ChatEndpoint",
        """
        package docs;
        import io.switchboard.*;
        @WsEndpoint("/chat")
        public class ChatEndpoint {
          private final ChatService service;
          public ChatEndpoint(ChatService service) { this.service = service; }
          @WsCommand String hello() { return service.greeting(); }
        }
        """,
        "docs.EchoEndpoint",
        """
        package docs;
        import io.switchboard.*;
        @WsEndpoint("/echo")
        public class EchoEndpoint {
          @OnText String echo(String text) { return text; }
        }
        """,
        "docs.Factories",
        "package docs;\n" + API_IMPORTS
            + "public class Factories {\n"
            + "  public static Object run() {\n"
            + "    String database = \"the database\";\n"
            + MarkdownBlocks.of("configuration.md", "java").get(1) + "\n"
            + "    return server;\n"
            + "  }\n"
            + "}\n");
  }

  @Test
  void anEndpointWithConstructorArgumentsIsRegisteredByFactory() throws Exception {
    int port = port(start(factories, "docs.Factories"));

    assertEquals(
        "Hello from the service over the database", connect(port, "/chat").send("hello").next());
    assertEquals("any text", connect(port, "/echo").send("any text").next());
  }

  // broadcast.md

  private static Map<String, String> broadcastExamples() {
    List<String> page = MarkdownBlocks.of("broadcast.md", "java");
    Map<String, String> sources = new LinkedHashMap<>();
    sources.put("docs.ChatEndpoint", "package docs;\n" + API_IMPORTS + page.get(0));
    sources.put(
        "docs.ServerHandle",
        "package docs;\n" + API_IMPORTS
            + "public class ServerHandle {\n"
            + "  public static Object run() {\n"
            + page.get(1) + "\n"
            + "    return server;\n"
            + "  }\n"
            + "}\n");
    sources.put(
        "docs.RoomsEndpoint",
        "package docs;\n" + API_IMPORTS
            + "@WsEndpoint(\"/rooms\")\n"
            + "public class RoomsEndpoint {\n"
            + "  private final Sensor sensor = new Sensor();\n"
            + "  @WsCommand void name(WsSession session, String name) { session.attributes().put(\"name\", name); }\n"
            + "  @WsCommand void tick(Broadcaster all) { temperature(all); }   // an @Every run, now\n"
            + page.get(2) + "\n" + page.get(3) + "\n" + page.get(4) + "\n" + page.get(5) + "\n"
            + "}\n");
    sources.put(
        "docs.HistoryServer",
        "package docs;\n" + API_IMPORTS
            + "public class HistoryServer {\n"
            + "  public static Object run() {\n"
            + page.get(7) + "\n"
            + "    return server;\n"
            + "  }\n"
            + "}\n");
    sources.put(
        "docs.Sensor",
        "package docs;\npublic class Sensor { double read() { return 21.5; } }\n");
    sources.put(
        "docs.Stats",
        "package docs;\n" + API_IMPORTS
            + "public class Stats {\n"
            + "  public static Object run() {\n"
            + "    return " + page.get(6) + "\n"
            + "  }\n"
            + "}\n");
    return sources;
  }

  @Test
  void aChatLineReachesTheOthersButNotTheSender() throws Exception {
    int port = port(start(broadcast, "docs.ServerHandle"));
    WsClient alice = connect(port, "/chat");
    WsClient bob = connect(port, "/chat");

    alice.send("{\"cmd\":\"say\",\"id\":1,\"data\":{\"text\":\"hi\"}}");

    assertEquals("{\"re\":1,\"cmd\":\"say\"}", alice.next());
    assertMatches("\\{\"event\":\"chat\",\"data\":\\{\"from\":\"[^\"]+\",\"text\":\"hi\"}}", bob.next());
  }

  @Test
  void roomsJoinLeaveListAndTellWhoLeft() throws Exception {
    int port = port(start(broadcast, "docs.ServerHandle"));
    WsClient ada = connect(port, "/rooms");
    WsClient bob = connect(port, "/rooms");
    done(ada, "name", "Ada");
    done(bob, "name", "Bob");
    done(bob, "join", "kitchen");

    assertEquals("[\"Ada\",\"Bob\"]", sorted(ada.send("members lobby").next()));
    assertEquals("[\"Bob\"]", ada.send("members kitchen").next());
    done(bob, "leave", "kitchen");
    assertEquals("[]", ada.send("members kitchen").next());

    done(bob, "ticker", null);
    assertEquals("[\"Bob\"]", ada.send("members prices").next());

    bob.socket().sendClose(1000, "done");
    assertMatches("\\{\"event\":\"left\",\"data\":\"[^\"]+\"}", ada.next());
  }

  @Test
  void theScheduledTemperatureReachesTheWeatherRoomAsThePageShows() throws Exception {
    int port = port(start(broadcast, "docs.ServerHandle"));
    WsClient weather = connect(port, "/rooms");
    done(weather, "join", "weather");

    done(connect(port, "/rooms"), "tick", null);

    assertEquals("{\"event\":\"temp\",\"data\":{\"celsius\":21.5}}", weather.next());
    assertEquals("{\"event\":\"temp\",\"data\":{\"celsius\":21.5}}",
        MarkdownBlocks.of("broadcast.md", "json").get(0).strip());
  }

  @Test
  void aRoomWithHistoryNumbersItsPushesAsThePageShows() throws Exception {
    int port = port(start(broadcast, "docs.HistoryServer"));
    WsClient ada = connect(port, "/rooms?recover=");
    WsClient bob = connect(port, "/rooms");
    assertMatches("\\{\"event\":\"\\$session\",\"data\":\\{\"id\":\"[^\"]+\",\"token\":\"[^\"]+\","
        + "\"recovered\":false,\"rooms\":\\{}}}", ada.next());
    done(ada, "name", "Ada"); // after @OnOpen, which joined the lobby
    done(bob, "name", "Bob");

    bob.socket().sendClose(1000, "done");

    String printed = MarkdownBlocks.of("broadcast.md", "json").get(1).strip();
    assertMatches(withAnyId(printed).replace("9f2c41d07b3e", "\\E[0-9a-f]{12}\\Q"), ada.next());
    List<String> protocol = MarkdownBlocks.of("protocol.md", "json");
    assertEquals(List.of("event", "room", "offset", "epoch"), fieldNames(protocol.get(protocol.size() - 3)).subList(0, 4),
        "protocol.md's numbered push");
    assertEquals(List.of("event", "room", "offset", "epoch", "data"), fieldNames(printed));
  }

  /** Sends a void command with an id and waits for its acknowledgement: it has run. */
  private static void done(WsClient client, String command, String argument) throws Exception {
    String data = argument == null ? "" : ",\"data\":\"" + argument + "\"";
    client.send("{\"cmd\":\"" + command + "\",\"id\":1" + data + "}");
    assertEquals("{\"re\":1,\"cmd\":\"" + command + "\"}", client.next());
  }

  @Test
  void statsAreServedAsJsonWithTheFieldsThePageShows() throws Exception {
    int port = port(start(broadcast, "docs.Stats"));
    connect(port, "/chat");

    HttpResponse<String> stats =
        HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/stats")).build(),
            HttpResponse.BodyHandlers.ofString());

    assertEquals(200, stats.statusCode());
    String printed = MarkdownBlocks.of("broadcast.md", "").stream()
        .filter(block -> block.startsWith("$ curl -s localhost:8080/stats"))
        .findFirst().orElseThrow().lines().skip(1).findFirst().orElseThrow();
    assertEquals(fieldNames(printed), fieldNames(stats.body()));
  }

  // security.md

  private static Map<String, String> securityExamples() {
    List<String> page = MarkdownBlocks.of("security.md", "java");
    Map<String, String> sources = new LinkedHashMap<>();
    sources.put(
        "docs.WhoEndpoint",
        "package docs;\n" + API_IMPORTS
            + "@WsEndpoint(\"/chat\")\n"
            + "public class WhoEndpoint {\n"
            + page.get(2) + "\n"
            + "}\n");
    sources.put(
        "docs.User",
        "package docs;\npublic record User(String name) {}\n");
    sources.put(
        "docs.Users",
        """
        package docs;
        import java.util.Optional;
        public class Users {
          Optional<User> byToken(String token) {
            return token.equals("t-ada") ? Optional.of(new User("ada")) : Optional.empty();
          }
        }
        """);
    String[] methods = {"origins", "hook", "keystore", "pem"};
    int[] blocks = {0, 1, 3, 4};
    StringBuilder examples = new StringBuilder("package docs;\n" + API_IMPORTS);
    examples.append(MarkdownBlocks.imports(page.get(1)));
    examples.append("public class SecurityExamples {\n  static Users users = new Users();\n");
    for (int i = 0; i < methods.length; i++) {
      examples.append("  public static Object ").append(methods[i]).append("() {\n    return ")
          .append(MarkdownBlocks.body(page.get(blocks[i]))).append("\n  }\n");
    }
    sources.put("docs.SecurityExamples", examples.append("}\n").toString());
    return sources;
  }

  @Test
  void theListedOriginsAreAllowedAndOthersRefused() throws Exception {
    int port = port(start(security, "docs.SecurityExamples", "origins"));

    connect(URI.create("ws://127.0.0.1:" + port + "/chat"), Map.of("Origin", "https://admin.example.com"));
    assertEquals(403, refusedStatus(port, "/chat", "https://evil.example.com"));
  }

  @Test
  void theAllowedOriginsVariableTakesAListOrAnyOrigin() throws Exception {
    List<String> settings = MarkdownBlocks.of("security.md", "").stream()
        .filter(block -> block.startsWith("SWITCHBOARD_ALLOWED_ORIGINS=")).findFirst().orElseThrow()
        .lines().map(line -> line.replaceFirst("\\s*#.*", "")).toList();
    assertEquals(2, settings.size(), settings::toString);

    int port = freePort();
    Process list = startCommand(settings.get(0) + " java -jar app.jar", Map.of("SWITCHBOARD_PORT", String.valueOf(port)));
    try {
      clients.add(awaitConnect(list, HTTP, URI.create("ws://127.0.0.1:" + port + "/chat"),
          Map.of("Origin", "https://admin.example.com")));
      assertEquals(403, refusedStatus(port, "/chat", "https://evil.example.com"));
    } finally {
      stop(list);
    }
    Process any = startCommand(settings.get(1) + " java -jar app.jar", Map.of("SWITCHBOARD_PORT", String.valueOf(port)));
    try {
      clients.add(awaitConnect(any, HTTP, URI.create("ws://127.0.0.1:" + port + "/chat"),
          Map.of("Origin", "https://evil.example.com")));
    } finally {
      stop(any);
    }
  }

  @Test
  void theHandshakeHookAuthenticatesByTokenOrCookie() throws Exception {
    int port = port(start(security, "docs.SecurityExamples", "hook"));
    URI chat = URI.create("ws://127.0.0.1:" + port + "/chat");

    assertEquals(401, refusedStatus(chat, Map.of()));
    assertEquals(403, refusedStatus(URI.create(chat + "?token=stolen"), Map.of()));
    assertEquals("ada", connect(URI.create(chat + "?token=t-ada"), Map.of()).send("whoami").next());
    assertEquals("ada", connect(chat, Map.of("Cookie", "session=t-ada")).send("whoami").next());
  }

  @Test
  void theTlsExamplesReadTheFilesTheyName() throws Exception {
    // The files live on a production host; here, that start() reads them is what can be checked.
    IllegalStateException keystore =
        assertThrows(IllegalStateException.class, () -> start(security, "docs.SecurityExamples", "keystore"));
    assertEquals("cannot set up TLS: /etc/chat/server.p12", keystore.getMessage());
    IllegalStateException pem =
        assertThrows(IllegalStateException.class, () -> start(security, "docs.SecurityExamples", "pem"));
    assertTrue(pem.getMessage().contains("/etc/letsencrypt/live/chat.example.com/"), pem.getMessage());
  }

  @Test
  void theSelfSignedKeystoreCommandGivesAKeystoreTheEnvironmentServesWssFrom() throws Exception {
    Path directory = Files.createDirectories(work.resolve("tls"));
    String keytool = MarkdownBlocks.of("security.md", "").stream()
        .filter(block -> block.startsWith("keytool ")).findFirst().orElseThrow();
    Process generate = new ProcessBuilder("bash", "-c", keytool).directory(directory.toFile())
        .redirectErrorStream(true).start();
    String output = new String(generate.getInputStream().readAllBytes());
    assertTrue(generate.waitFor(30, TimeUnit.SECONDS) && generate.exitValue() == 0, output);
    Path keystore = directory.resolve("server.p12");
    int port = freePort();

    String command = MarkdownBlocks.of("security.md", "").stream().flatMap(String::lines)
        .filter(line -> line.startsWith("SWITCHBOARD_TLS_KEYSTORE=")).findFirst().orElseThrow()
        .replace("/etc/chat/server.p12", keystore.toString());

    Process app = startCommand(command, Map.of("SWITCHBOARD_PORT", String.valueOf(port)));
    try {
      HttpClient trusting = HttpClient.newBuilder().sslContext(SelfSignedCertificate.trusting(keystore, "changeit".toCharArray())).build();
      WsClient client = awaitConnect(app, trusting, URI.create("wss://localhost:" + port + "/chat"), Map.of());
      clients.add(client);
      assertEquals("Hello, human", client.send("hello").next());
    } finally {
      stop(app);
    }
  }

  // protocol.md, spoken with the endpoint of annotations.md

  private static Map<String, String> protocolExamples() throws Exception {
    String page = Files.readString(Path.of("..", "docs", "annotations.md"));
    Matcher endpoint =
        Pattern.compile("## An endpoint\\n\\n```java\\n(.*?)```", Pattern.DOTALL).matcher(page);
    assertTrue(endpoint.find(), "annotations.md shows an endpoint");
    return Map.of(
        "com.example.chat.ChatEndpoint", endpoint.group(1),
        "docs.NumbersEndpoint",
        """
        package docs;
        import io.switchboard.*;
        @WsEndpoint("/numbers")
        public class NumbersEndpoint {
          public record Item(double price) {}
          public record Order(java.util.List<Item> items) {}
          public record Price(java.math.BigDecimal price) {}
          @WsCommand int twice(int n) { return 2 * n; }
          @WsCommand java.math.BigDecimal price(Price p) { return p.price(); }
          @WsCommand void order(Order order) {}
        }
        """,
        "docs.Start",
        """
        package docs;
        public class Start {
          public static Object run() { return io.switchboard.undertow.Switchboard.server().start(); }
        }
        """);
  }

  @Test
  void theConversationOfTheProtocolPageHappensAsPrinted() throws Exception {
    int port = port(start(protocol, "docs.Start"));
    WsClient client = connect(port, "/chat");
    String conversation = MarkdownBlocks.of("protocol.md", "").stream()
        .filter(block -> block.startsWith("> hello")).findFirst().orElseThrow();

    for (String line : conversation.lines().toList()) {
      if (line.startsWith("> ")) {
        client.send(line.substring(2));
      } else {
        assertMatches(withAnyId(line.substring(2)), client.next());
      }
    }
  }

  @Test
  void theEnvelopesOfTheProtocolPageAreWhatTheServerSends() throws Exception {
    int port = port(start(protocol, "docs.Start"));
    WsClient client = connect(port, "/chat");
    List<String> json = MarkdownBlocks.of("protocol.md", "json").stream().map(DocsExamplesTest::compact).toList();
    client.send("name Tony");
    client.next();

    client.send("{\"cmd\":\"users\",\"id\":7}");
    assertMatches(withAnyId(json.get(1)), client.next());
    client.send(json.get(0)); // say, id 7: the push to everyone, then the acknowledgement
    assertMatches("\\{\"event\":\"chat\",\"data\":\\{\"id\":\"[^\"]+\",\"name\":\"hello\"}}", client.next());
    assertEquals(json.get(2), client.next());

    String textLineError = "{\"cmd\":\"twice\",\"error\":{\"code\":\"bad_request\","
        + "\"message\":\"$: expected an integer, got \\\"many\\\"\",\"path\":\"$\"}}";
    assertTrue(Files.readString(Path.of("..", "docs", "protocol.md")).contains("`" + textLineError + "`"));
    assertEquals(textLineError, connect(port, "/numbers").send("twice many").next());
    // A generated codec reads numbers as annotations.md's table says: "21" and 21.0 are 21.
    assertEquals("{\"cmd\":\"twice\",\"data\":42}", connect(port, "/numbers").send("{\"cmd\":\"twice\",\"data\":\"21\"}").next());
    assertEquals("{\"cmd\":\"twice\",\"data\":42}", connect(port, "/numbers").send("{\"cmd\":\"twice\",\"data\":21.0}").next());
    // Money as browsers send it, in a string: read exactly, written back as a number.
    assertEquals("{\"cmd\":\"price\",\"data\":12.50}",
        connect(port, "/numbers").send("{\"cmd\":\"price\",\"data\":{\"price\":\"12.50\"}}").next());
    assertEquals("{\"cmd\":\"twice\",\"error\":{\"code\":\"bad_request\",\"message\":"
        + "\"$: expected a number with a scale within ±1000, got 1e999999\",\"path\":\"$\"}}",
        connect(port, "/numbers").send("{\"cmd\":\"twice\",\"data\":1e999999}").next());

    String badPrice = "{\"cmd\":\"order\",\"id\":7,\"data\":{\"items\":[{\"price\":1},{\"price\":2},{\"price\":\"three\"}]}}";
    assertEquals(json.get(3), compact(connect(port, "/numbers").send(badPrice).next()));
  }

  /** A printed message as a pattern in which the made-up session id {@code k3Jx} stands for any. */
  private static String withAnyId(String printed) {
    return Pattern.quote(printed).replace("k3Jx", "\\E[^\"]+\\Q");
  }

  /** JSON without blanks after {@code :} and {@code ,}, so printed and written JSON compare. */
  private static String compact(String json) {
    return json.strip().replace(": ", ":").replace(", ", ",");
  }

  // faq.md

  private static Map<String, String> faqExamples() {
    List<String> page = MarkdownBlocks.of("faq.md", "java");
    return Map.of(
        "docs.Sensor",
        "package docs;\npublic class Sensor {\n  public static final Sensor sensor = new Sensor();\n"
            + "  double read() { return 21.5; }\n}\n",
        "docs.Messages",
        """
        package docs;
        import io.switchboard.WsMessage;
        public class Messages {
          @WsMessage public record Announcement(String text) {}
          @WsMessage public record Order(int number) {}
        }
        """,
        "docs.ChatEndpoint",
        "package docs;\n" + API_IMPORTS + "import static docs.Sensor.sensor;\n"
            + "@WsEndpoint(\"/chat\")\n"
            + "public class ChatEndpoint {\n"
            + "  @OnOpen void joined(WsSession session) { session.join(\"kitchen\"); }\n"
            + "  @WsCommand void tick(Broadcaster everyone) { temperature(everyone); }   // an @Every run, now\n"
            + page.get(0) + "\n"
            + "}\n",
        "docs.ServerHandle",
        "package docs;\n" + API_IMPORTS + "import docs.Messages.*;\n"
            + "public class ServerHandle {\n"
            + "  public static Object run() {\n"
            + page.get(1) + "\n"
            + "    return server;\n"
            + "  }\n"
            + "}\n");
  }

  @Test
  void theFaqsWaysToPushWithoutAClientMessageWork() throws Exception {
    int port = port(start(faq, "docs.ServerHandle"));
    WsClient listener = connect(port, "/chat");

    connect(port, "/chat").send("tick");

    assertEquals("{\"event\":\"temp\",\"data\":21.5}", listener.next());
  }

  // README.md

  private static Map<String, String> readmeExample() {
    String block = MarkdownBlocks.of("../README.md", "java").get(0);
    int main = block.indexOf("public static void main");
    return Map.of(
        "docs.Sensor",
        "package docs;\npublic class Sensor {\n  public static final Sensor sensor = new Sensor();\n"
            + "  double read() { return 21.5; }\n}\n",
        "docs.ChatEndpoint",
        "package docs;\n" + API_IMPORTS + "import static docs.Sensor.sensor;\n"
            + "record ChatLine(String text) {}\n"
            + "@WsMessage record ChatMessage(String from, String text) {}\n"
            + block.substring(0, main),
        "docs.Main",
        "package docs;\n" + API_IMPORTS + "public class Main {\n" + block.substring(main) + "}\n",
        "docs.Start",
        """
        package docs;
        public class Start {
          public static Object run() { return io.switchboard.undertow.Switchboard.server().start(); }
        }
        """);
  }

  @Test
  void theReadmesEndpointAnswersAsItsCommentsSay() throws Exception {
    // Main itself is compiled above; it binds the fixed port 8080, so the test serves the same
    // endpoints the way Main does (discovered), on a free port.
    int port = port(start(readme, "docs.Start"));
    WsClient client = connect(port, "/chat");

    assertEquals("Hello, human", client.send("hello").next());
    client.send("{\"cmd\":\"say\",\"id\":1,\"data\":{\"text\":\"hi\"}}");
    assertEquals("{\"re\":1,\"cmd\":\"say\"}", client.next());
  }

  // the curl commands of faq.md and deployment.md, on a free port instead of 8080

  @Test
  void theCurlCommandsPrintWhatThePagesSay() throws Exception {
    ExternalTool.require("/usr/bin/curl");
    int port = port(start(broadcast, "docs.Stats"));
    String handshake = MarkdownBlocks.of("faq.md", "").stream()
        .filter(block -> block.startsWith("curl -i")).findFirst().orElseThrow();
    List<String> deployment = MarkdownBlocks.of("deployment.md", "");
    String health = deployment.stream().filter(block -> block.startsWith("curl -fsS")).findFirst().orElseThrow();
    String stats = deployment.stream().filter(block -> block.startsWith("curl -s")).findFirst().orElseThrow();

    String answer = shell(handshake, port);
    assertTrue(answer.startsWith("HTTP/1.1 101 Switching Protocols"), answer);
    assertEquals("up", shell(health, port).strip());
    assertEquals(fieldNames(MarkdownBlocks.of("deployment.md", "json").get(0)), fieldNames(shell(stats, port)));
  }

  /** Runs a page's shell command against the server on {@code port} rather than 8080. */
  private static String shell(String command, int port) throws Exception {
    String local = command.replace("localhost:8080", "127.0.0.1:" + port).replace("127.0.0.1:8080", "127.0.0.1:" + port);
    assertTrue(local.contains(":" + port), command);
    Process process = new ProcessBuilder("bash", "-c", local).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String output = new String(process.getInputStream().readAllBytes());
    assertTrue(process.waitFor(10, TimeUnit.SECONDS), command);
    return output;
  }

  // deployment.md's systemd unit, where systemd-analyze is installed

  @Test
  void theSystemdUnitVerifiesCleanly() throws Exception {
    Path analyze = ExternalTool.require("/usr/bin/systemd-analyze");
    ExternalTool.require("/usr/bin/java"); // the unit's ExecStart
    Path unit = Files.createDirectories(work.resolve("systemd")).resolve("hello-ws.service");
    Files.writeString(unit, MarkdownBlocks.of("deployment.md", "ini").get(0));

    Process verify = new ProcessBuilder(analyze.toString(), "verify", unit.toString()).redirectErrorStream(true).start();
    String complaints = new String(verify.getInputStream().readAllBytes());

    assertTrue(verify.waitFor(20, TimeUnit.SECONDS));
    assertEquals("", complaints.strip(), "systemd-analyze verify finds fault with the unit");
  }

  // deployment.md's nginx configuration, where nginx is installed

  @Test
  void nginxConfiguredAsPrintedPassesTheUpgradeAndTheOwnOrigin() throws Exception {
    Path nginx = ExternalTool.require("/usr/sbin/nginx");
    int app = port(start(broadcast, "docs.ServerHandle"));
    Path directory = Files.createDirectories(work.resolve("nginx"));
    SelfSignedCertificate certificate = SelfSignedCertificate.create(directory);
    int https = freePort();
    int http = freePort();
    // The printed file, moved to free loopback ports and a test certificate.
    String site = MarkdownBlocks.of("deployment.md", "nginx").get(0)
        .replace("server 127.0.0.1:8080;", "server 127.0.0.1:" + app + ";")
        .replace("listen 443 ssl;", "listen 127.0.0.1:" + https + " ssl;")
        .replace("listen 80;", "listen 127.0.0.1:" + http + ";")
        .replace("/etc/letsencrypt/live/chat.example.com/fullchain.pem", certificate.certificatePem().toString())
        .replace("/etc/letsencrypt/live/chat.example.com/privkey.pem", certificate.keyPem().toString());
    Files.writeString(directory.resolve("site.conf"), site);
    String temp = directory.toString();
    Files.writeString(directory.resolve("nginx.conf"),
        "pid " + temp + "/nginx.pid;\nerror_log " + temp + "/error.log;\nevents {}\nhttp {\n"
            + "  access_log off;\n"
            + "  client_body_temp_path " + temp + "/body; proxy_temp_path " + temp + "/proxy;\n"
            + "  fastcgi_temp_path " + temp + "/fastcgi; uwsgi_temp_path " + temp + "/uwsgi; scgi_temp_path " + temp + "/scgi;\n"
            + "  include " + temp + "/site.conf;\n}\n");
    Process proxy = new ProcessBuilder(nginx.toString(), "-c", directory.resolve("nginx.conf").toString(),
        "-g", "daemon off;").redirectErrorStream(true).redirectOutput(directory.resolve("out.log").toFile()).start();
    try {
      HttpClient trusting = HttpClient.newBuilder().sslContext(certificate.clientContext()).build();
      String origin = "https://localhost:" + https;
      WsClient client = awaitConnect(proxy, trusting, URI.create("wss://localhost:" + https + "/chat"),
          Map.of("Origin", origin));
      clients.add(client);
      client.send("{\"cmd\":\"say\",\"id\":1,\"data\":{\"text\":\"through nginx\"}}");
      assertEquals("{\"re\":1,\"cmd\":\"say\"}", client.next());
      ExecutionException foreign = assertThrows(ExecutionException.class,
          () -> WsClient.connect(trusting, URI.create("wss://localhost:" + https + "/chat"),
              Map.of("Origin", "https://evil.example.com")));
      assertEquals(403, ((WebSocketHandshakeException) foreign.getCause()).getResponse().statusCode());
    } finally {
      proxy.destroy();
      assertTrue(proxy.waitFor(10, TimeUnit.SECONDS), "nginx did not stop");
    }
  }

  // running the examples

  private static URLClassLoader compile(String name, Map<String, String> sources) throws Exception {
    Path directory = Files.createDirectories(work.resolve(name));
    return DocsCompiler.compile(directory, sources);
  }

  private Object start(URLClassLoader loader, String className) throws Exception {
    return start(loader, className, "run");
  }

  /** Runs an example that starts a server; the server is stopped after the test. */
  private Object start(URLClassLoader loader, String className, String method) throws Exception {
    AutoCloseable server = (AutoCloseable) run(loader, className, method);
    servers.add(server);
    return server;
  }

  private static Object run(URLClassLoader loader, String className) throws Exception {
    return run(loader, className, "run");
  }

  /**
   * Runs an example in its class loader, as an app's code would run: discovery through the context
   * class loader, and what the examples leave to the environment set as system properties (a free
   * port rather than 8080, loopback, no JVM shutdown hook left behind).
   */
  private static Object run(URLClassLoader loader, String className, String method) throws Exception {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    Map<String, String> settings =
        Map.of("switchboard.port", "0", "switchboard.host", "127.0.0.1", "switchboard.shutdown-hook", "false");
    thread.setContextClassLoader(loader);
    settings.forEach(System::setProperty);
    try {
      return loader.loadClass(className).getMethod(method).invoke(null);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    } finally {
      settings.keySet().forEach(System::clearProperty);
      thread.setContextClassLoader(previous);
    }
  }

  private static int port(Object server) throws Exception {
    return (int) server.getClass().getMethod("port").invoke(server);
  }

  private WsClient connect(int port, String path) throws Exception {
    WsClient client = WsClient.connect(port, path);
    clients.add(client);
    return client;
  }

  private WsClient connect(URI uri, Map<String, String> headers) throws Exception {
    WsClient client = WsClient.connect(uri, headers);
    clients.add(client);
    return client;
  }

  private static int refusedStatus(int port, String path, String origin) throws Exception {
    return refusedStatus(URI.create("ws://127.0.0.1:" + port + path), Map.of("Origin", origin));
  }

  private static int refusedStatus(URI uri, Map<String, String> headers) throws Exception {
    ExecutionException refused =
        assertThrows(ExecutionException.class, () -> WsClient.connect(uri, headers).close());
    assertTrue(refused.getCause() instanceof WebSocketHandshakeException, refused.toString());
    return ((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode();
  }

  /** Connects once the app in {@code process} listens, or fails when it died. */
  private static WsClient awaitConnect(Process process, HttpClient http, URI uri, Map<String, String> headers)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (true) {
      try {
        return WsClient.connect(http, uri, headers);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof ConnectException) || !process.isAlive() || System.nanoTime() > deadline) {
          Path log = work.resolve("app.log");
          throw new AssertionError("nothing answered at " + uri
              + (Files.exists(log) ? "; the app's output:\n" + Files.readString(log) : ""), e);
        }
        process.waitFor(50, TimeUnit.MILLISECONDS); // polls the port, returning early if it dies
      }
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static List<String> fieldNames(String json) {
    List<String> names = new ArrayList<>();
    Matcher name = Pattern.compile("\"(\\w+)\":").matcher(json);
    while (name.find()) {
      names.add(name.group(1));
    }
    return names;
  }

  private static String sorted(String jsonArrayOfStrings) {
    List<String> items = new ArrayList<>(List.of(jsonArrayOfStrings.replaceAll("[\\[\\]]", "").split(",")));
    items.sort(null);
    return "[" + String.join(",", items) + "]";
  }

  private static void assertMatches(String regex, String actual) {
    assertTrue(actual.matches(regex), actual + " does not match " + regex);
  }
}
