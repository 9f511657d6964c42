package io.switchboard.undertow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.testchat.ChatEndpoint;
import io.switchboard.WsSession;
import io.switchboard.undertow.testing.Await;
import io.switchboard.undertow.testing.CountingCodecs;
import io.switchboard.undertow.testing.Events;
import io.switchboard.undertow.testing.WsClient;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broadcast, rooms and scheduled pushes on {@link ChatEndpoint}, whose dispatcher and codecs the
 * annotation processor generated and the server found through ServiceLoader.
 */
class BroadcastTest {

  @TempDir Path classpath;
  SwitchboardServer server;
  final List<WsClient> clients = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    // The counting codec joins the generated ones through its own service file.
    Path services = classpath.resolve("META-INF/services/io.switchboard.json.CodecProvider");
    Files.createDirectories(services.getParent());
    Files.writeString(services, CountingCodecs.class.getName() + "\n");
    ClassLoader loader =
        new URLClassLoader(new URL[] {classpath.toUri().toURL()}, getClass().getClassLoader());
    server =
        Switchboard.server().port(0).host("127.0.0.1").shutdownHook(false).classLoader(loader).start();
  }

  @AfterEach
  void stop() {
    clients.forEach(WsClient::close);
    server.stop(Duration.ofSeconds(2));
  }

  WsClient connect() throws Exception {
    WsClient client = WsClient.connect(server.port(), "/chat");
    clients.add(client);
    client.send("hello"); // once answered, @OnOpen has run: the session is in the lobby
    assertEquals("Hello, human", skipEvents(client));
    return client;
  }

  static String skipEvents(WsClient client) throws InterruptedException {
    String message = client.next();
    while (message.startsWith("{\"event\":")) {
      message = client.next();
    }
    return message;
  }

  @Test
  void discoveredEndpointIsServedWithoutRegistration() throws Exception {
    WsClient client = connect();
    client.send("{\"cmd\":\"name\",\"id\":1,\"data\":\"Tony\"}");
    assertEquals("{\"re\":1,\"cmd\":\"name\",\"data\":\"you are Tony\"}", client.next());
  }

  @Test
  void chatLineReachesTheOthersInTheRoomButNotTheSender() throws Exception {
    WsClient alice = connect();
    WsClient bob = connect();
    WsClient carol = connect();
    alice.send("name Alice");
    assertEquals("you are Alice", skipEvents(alice));
    alice.send("say hi there"); // text-line form
    String line = "{\"event\":\"chat\",\"data\":{\"from\":\"Alice\",\"text\":\"hi there\"}}";
    assertEquals(line, Events.next(bob, "chat"));
    assertEquals(line, Events.next(carol, "chat"));
    bob.send("{\"cmd\":\"say\",\"data\":{\"text\":\"hello\"}}"); // JSON form
    String reply = "{\"event\":\"chat\",\"data\":{\"from\":\"anonymous\",\"text\":\"hello\"}}";
    assertEquals(reply, Events.next(alice, "chat"));
    assertEquals(reply, Events.next(carol, "chat"));
    alice.send("hello");
    assertEquals("Hello, human", skipEvents(alice)); // and no echo of her own line came first
  }

  @Test
  void roomsFillEmptyAndCountAndEmptyThemselvesOnClose() throws Exception {
    WsClient alice = connect();
    WsClient bob = connect();
    assertEquals(2, server.rooms("/chat").count("lobby"));
    alice.send("{\"cmd\":\"join\",\"id\":7,\"data\":\"kitchen\"}");
    assertEquals("{\"re\":7,\"cmd\":\"join\"}", skipEvents(alice)); // sessions are not ordered
    bob.send("join kitchen"); // with each other, but bob's own messages are
    bob.send("{\"cmd\":\"count\",\"id\":1,\"data\":\"kitchen\"}");
    assertEquals("{\"re\":1,\"cmd\":\"count\",\"data\":2}", skipEvents(bob));
    assertEquals(java.util.Set.of("lobby", "kitchen"), server.rooms("/chat").names());
    bob.send("leave kitchen");
    bob.send("count kitchen");
    assertEquals("1", skipEvents(bob));
    alice.close();
    Await.until("alice left every room", () -> server.rooms("/chat").count("lobby") == 1);
    assertEquals(java.util.Set.of("lobby"), server.rooms("/chat").names());
    assertEquals(1, server.stats().rooms());
  }

  @Test
  void toAllToSessionAndExceptFromOutsideHandlers() throws Exception {
    WsClient alice = connect();
    WsClient bob = connect();
    alice.send("name Alice");
    assertEquals("you are Alice", skipEvents(alice));
    var broadcaster = server.broadcaster("/chat");
    assertEquals(2, broadcaster.toAll("news", "all of you"));
    assertEquals("{\"event\":\"news\",\"data\":\"all of you\"}", Events.next(alice, "news"));
    assertEquals("{\"event\":\"news\",\"data\":\"all of you\"}", Events.next(bob, "news"));

    WsSession aliceSession =
        server.sessions("/chat").all().stream()
            .filter(s -> "Alice".equals(s.attributes().get("name")))
            .findFirst()
            .orElseThrow();
    assertEquals(1, broadcaster.toSession(aliceSession.id(), "dm", "just you"));
    assertEquals(0, broadcaster.toSession("no-such-session", "dm", "nobody"));
    assertEquals(1, broadcaster.toAllExcept(aliceSession, "news", "not alice"));
    assertEquals(1, broadcaster.toRoomExcept("lobby", aliceSession, "news", "lobby but alice"));
    assertEquals("{\"event\":\"dm\",\"data\":\"just you\"}", Events.next(alice, "dm"));
    assertEquals("{\"event\":\"news\",\"data\":\"not alice\"}", Events.next(bob, "news"));
    assertEquals("{\"event\":\"news\",\"data\":\"lobby but alice\"}", Events.next(bob, "news"));
    alice.send("hello");
    assertEquals("Hello, human", skipEvents(alice)); // nothing else was queued for her
  }

  @Test
  void broadcastEncodesThePayloadOncePerCallNotPerRecipient() throws Exception {
    List<WsClient> five = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      five.add(connect());
    }
    int before = CountingCodecs.WRITES.get();
    assertEquals(5, server.broadcaster("/chat").toAll("reading", new CountingCodecs.Reading(42)));
    assertEquals(before + 1, CountingCodecs.WRITES.get());
    for (WsClient client : five) {
      assertEquals("{\"event\":\"reading\",\"data\":{\"value\":42}}", Events.next(client, "reading"));
    }
  }

  @Test
  void payloadWithoutCodecIsAClearError() {
    record Unknown(int x) {}
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () -> server.broadcaster("/chat").toAll("x", new Unknown(1)));
    assertTrue(error.getMessage().contains(Unknown.class.getName()), error.getMessage());
    assertTrue(error.getMessage().contains("@io.switchboard.WsMessage"), error.getMessage());
  }

  @Test
  void everyMethodPushesWithoutClientTrafficAndStopsAtShutdown() throws Exception {
    WsClient watcher = connect();
    watcher.send("join weather");
    for (int i = 0; i < 3; i++) {
      assertEquals("{\"event\":\"temp\",\"data\":{\"celsius\":21.5}}", Events.next(watcher, "temp"));
    }
    server.stop(Duration.ofSeconds(2));
    int runs = ChatEndpoint.TEMPERATURE_RUNS.get();
    assertEquals(StatusCodes.SERVER_STOPPING.code(), watcher.awaitClose().code());
    // A push that left before the close frame may still wait in the client's queue (the client
    // hands messages over in the order they came, the close last): only later runs are wrong.
    while (watcher.poll(Duration.ZERO) != null) {}
    assertNull(watcher.poll(Duration.ofMillis(350)), "no push after the close frame");
    assertEquals(runs, ChatEndpoint.TEMPERATURE_RUNS.get(), "no run after stop (period 100 ms)");
  }

  @Test
  void whileOneClientNeverReadsAnotherGetsEveryLargeLineInOrder() throws Exception {
    try (var silent = io.switchboard.undertow.testing.RawWebSocket.upgrade(server.port(), "/chat")) {
      assertEquals(101, silent.status()); // joins the lobby, then never reads a byte
      WsClient reader = connect();
      WsClient writer = connect();
      Await.until("all three in the lobby", () -> server.rooms("/chat").count("lobby") == 3);
      String text = "y".repeat(32 * 1024 - 10);
      for (int i = 0; i < 100; i++) {
        writer.socket().sendText("say " + i + " " + text, true).join();
      }
      for (int i = 0; i < 100; i++) {
        String line;
        try {
          line = Events.next(reader, "chat");
        } catch (AssertionError e) {
          throw new AssertionError("line " + i + " missing; " + server.stats(), e);
        }
        assertEquals(
            "{\"event\":\"chat\",\"data\":{\"from\":\"anonymous\",\"text\":\"" + i + " " + text + "\"}}",
            line);
      }
      writer.send("hello");
      assertEquals("Hello, human", skipEvents(writer));
    }
  }
}
