package io.switchboard.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.example.rooms.RoomsEndpoint;
import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.undertow.Switchboard;
import io.switchboard.undertow.SwitchboardServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Session recovery after real cuts: the client reaches the server through a {@link TcpProxy} that
 * resets its connection (no close frame), and comes back with {@link
 * WsTestClient#reconnectAndRecover()}.
 */
class RecoveryTest {

  private SwitchboardServer server;
  private TcpProxy proxy;
  private final List<WsTestClient> clients = new ArrayList<>();

  @BeforeEach
  void start() {
    server = startServer();
    TcpProxy proxy = TcpProxy.to(server.port());
    this.proxy = proxy;
  }

  private static SwitchboardServer startServer() {
    return Switchboard.server()
        .port(0)
        .shutdownHook(false)
        .roomHistory("lobby", 2000, Duration.ofMinutes(2))
        .roomHistory("small-*", 5, Duration.ofMinutes(2))
        .endpoint(new RoomsEndpoint())
        .start();
  }

  @AfterEach
  void stop() {
    clients.forEach(WsTestClient::close);
    proxy.close();
    server.close();
  }

  private WsTestClient throughProxy() {
    WsTestClient away = WsTestClient.builder(proxy.uri("/rooms")).recoverable().connect();
    return keep(away);
  }

  private WsTestClient direct() {
    return keep(WsTestClient.connect(java.net.URI.create("ws://127.0.0.1:" + server.port() + "/rooms")));
  }

  private WsTestClient keep(WsTestClient client) {
    clients.add(client);
    return client;
  }

  /** Cuts the proxy's connections and waits until the server noticed (the session left its list). */
  private void cut(int sessionsLeft) throws InterruptedException {
    proxy.cut();
    until("the server noticed the cut", () -> server.sessions("/rooms").count() == sessionsLeft);
  }

  @Test
  void aClientCutOffWhileAThousandPushesAreSentGetsEachOnceInOrder() throws Exception {
    WsTestClient away = throughProxy();
    JsonNode first = away.awaitSession();
    assertFalse(first.get("recovered").asBoolean());
    away.call("join", "lobby");
    WsTestClient talker = direct();
    talker.call("burst", Map.of("room", "lobby", "count", 3));
    for (int n = 1; n <= 3; n++) {
      assertEquals(n, away.awaitEvent("line").get("n").asInt());
    }

    long cutAt = System.nanoTime();
    cut(1);
    proxy.refuse(true); // the client's network is down: it is back only after 2 s
    talker.call("burst", Map.of("room", "lobby", "count", 1000));
    outageLasts(Duration.ofSeconds(2), cutAt);
    proxy.refuse(false);
    WsTestClient back = keep(away.reconnectAndRecover());

    for (int n = 1; n <= 1000; n++) {
      assertEquals(n, back.awaitEvent("line").get("n").asInt(), "line " + n);
    }
    JsonNode session = back.awaitSession();
    assertTrue(session.get("recovered").asBoolean(), session::toString);
    assertEquals(first.get("id"), session.get("id"));
    assertEquals(true, session.at("/rooms/lobby/recovered").asBoolean(), session::toString);
    assertEquals(1000, session.at("/rooms/lobby/missed").asInt(), session::toString);
    talker.call("burst", Map.of("room", "lobby", "count", 1));
    assertEquals(1, back.awaitEvent("line").get("n").asInt()); // live again, nothing twice
    assertEquals(List.of(2, 0), ints(talker.call("lifecycle"))); // no second @OnOpen, no @OnClose
  }

  @Test
  void aClientThatKnowsOfTheDropBeforeTheServerRecoversAtOnce() {
    WsTestClient away = throughProxy();
    String id = away.awaitSession().get("id").asText();
    away.call("join", "lobby");
    WsTestClient talker = direct();
    talker.call("burst", Map.of("room", "lobby", "count", 3));
    for (int n = 1; n <= 3; n++) {
      assertEquals(n, away.awaitEvent("line").get("n").asInt());
    }

    proxy.dropClientsOnly(); // the server's side stays open and silent
    talker.call("burst", Map.of("room", "lobby", "count", 5)); // written into the void
    WsTestClient back = keep(away.reconnectAndRecover());

    for (int n = 1; n <= 5; n++) {
      assertEquals(n, back.awaitEvent("line").get("n").asInt(), "line " + n);
    }
    JsonNode session = back.awaitSession();
    assertTrue(session.get("recovered").asBoolean(), session::toString);
    assertEquals(id, session.get("id").asText());
    assertEquals(5, session.at("/rooms/lobby/missed").asInt(), session::toString);
    assertEquals(2, server.sessions("/rooms").count()); // the talker and this one: the stale one is gone
    assertEquals(List.of(2, 0), ints(talker.call("lifecycle")));
  }

  @Test
  void theTestingGuidesExample() {
    WsTestClient away = throughProxy();
    away.call("join", "lobby");
    proxy.cut();
    WsTestClient back = away.reconnectAndRecover();
    keep(back);
    JsonNode session = back.awaitSession();
    assertTrue(session.get("recovered").asBoolean(), session::toString);
  }

  @Test
  void aRoomWhoseHistoryNoLongerReachesBackIsNotRecovered() throws Exception {
    WsTestClient away = throughProxy();
    away.awaitSession();
    away.call("join", "small-room");
    away.call("join", "lobby");
    WsTestClient talker = direct();

    cut(1);
    talker.call("burst", Map.of("room", "small-room", "count", 20));
    talker.call("burst", Map.of("room", "lobby", "count", 2));
    WsTestClient back = keep(away.reconnectAndRecover());

    JsonNode session = back.awaitSession();
    assertTrue(session.get("recovered").asBoolean(), session::toString);
    assertFalse(session.at("/rooms/small-room/recovered").asBoolean(), session::toString);
    assertTrue(session.at("/rooms/lobby/recovered").asBoolean(), session::toString);
    assertEquals(List.of("lobby", "small-room"), strings(back.call("rooms"))); // still a member
    talker.call("burst", Map.of("room", "small-room", "count", 1));
    JsonNode line = back.awaitEvent("line");
    assertEquals("lobby", line.get("room").asText()); // the replay of the lobby came first
  }

  @Test
  void aReplayLargerThanHalfTheOutboundQueueIsNotRecoveredAndTheSessionStaysOpen() throws Exception {
    server.close();
    server =
        Switchboard.server()
            .port(0)
            .shutdownHook(false)
            .maxQueuedBytes(16 * 1024)
            .roomHistory("lobby", 2000, Duration.ofMinutes(2))
            .endpoint(new RoomsEndpoint())
            .start();
    proxy.target(server.port());
    WsTestClient away = throughProxy();
    away.awaitSession();
    away.call("join", "lobby");
    WsTestClient talker = direct();

    cut(1);
    talker.call("burst", Map.of("room", "lobby", "count", 1000)); // tens of KB: over 8 KiB
    WsTestClient back = keep(away.reconnectAndRecover());

    JsonNode session = back.awaitSession();
    assertFalse(session.at("/rooms/lobby/recovered").asBoolean(), session::toString);
    assertEquals(0, session.at("/rooms/lobby/missed").asInt(), session::toString);
    talker.call("burst", Map.of("room", "lobby", "count", 1));
    assertEquals(1, back.awaitEvent("line").get("n").asInt()); // still open, and live again
  }

  @Test
  void afterARestartTheSessionIsNotRecoveredAndOpensAnew() throws Exception {
    WsTestClient away = throughProxy();
    String id = away.awaitSession().get("id").asText();
    away.call("join", "lobby");
    direct().call("burst", Map.of("room", "lobby", "count", 2));
    away.awaitEvent("line");

    proxy.cut();
    server.close();
    server = startServer();
    proxy.target(server.port());
    WsTestClient back = keep(away.reconnectAndRecover());

    JsonNode session = back.awaitSession();
    assertFalse(session.get("recovered").asBoolean(), session::toString);
    assertNotEquals(id, session.get("id").asText());
    assertEquals(List.of(), strings(back.call("rooms")));
    assertEquals(List.of(1, 0), ints(back.call("lifecycle"))); // a new session: @OnOpen ran
  }

  @Test
  void aRecoveredSessionKeepsItsRoomsPresenceAndDirectMessages() throws Exception {
    WsTestClient away = throughProxy();
    String id = away.awaitSession().get("id").asText();
    away.call("join", "lobby");
    away.call("join", "kitchen"); // no history: rejoined, but told it was not recovered
    away.call("track", "ann");
    WsTestClient friend = direct();

    cut(1);
    assertTrue(strings(friend.call("present")).contains(id + ":[kitchen, lobby]")
        || strings(friend.call("present")).contains(id + ":[lobby, kitchen]"), "present while away");
    for (int n = 1; n <= 3; n++) {
      assertEquals(1, friend.call("tell", Map.of("to", id, "text", "psst " + n)).asInt());
    }
    WsTestClient back = keep(away.reconnectAndRecover());

    for (int n = 1; n <= 3; n++) {
      assertEquals("psst " + n, back.awaitEvent("direct").get("text").asText());
    }
    JsonNode session = back.awaitSession();
    assertEquals(id, session.get("id").asText());
    assertTrue(session.at("/direct/recovered").asBoolean(), session::toString);
    assertEquals(3, session.at("/direct/missed").asInt(), session::toString);
    assertFalse(session.at("/rooms/kitchen/recovered").asBoolean(), session::toString);
    assertEquals(List.of("kitchen", "lobby"), strings(back.call("rooms")));
    assertEquals(1, friend.call("present").size());
    assertTrue(friend.call("present").get(0).asText().startsWith(id + ":"));
    friend.call("tell", Map.of("to", id, "text", "live"));
    assertEquals("live", back.awaitEvent("direct").get("text").asText());
    assertEquals(paths(protocolPage().get(2)), paths(AppJson.MAPPER.createObjectNode().put("event", "$session").set("data", session)),
        "protocol.md's recovered $session push");
  }

  @Test
  void theFirstSessionPushIsTheProtocolPages() throws Exception {
    WsTestClient client = throughProxy();
    JsonNode fresh = client.awaitSession();

    assertEquals(paths(protocolPage().get(1)), paths(AppJson.MAPPER.createObjectNode().put("event", "$session").set("data", fresh)),
        "protocol.md's first $session push");
  }

  /** The JSON examples of docs/protocol.md's "History and recovery" section, in page order. */
  private static List<JsonNode> protocolPage() throws Exception {
    String page = java.nio.file.Files.readString(java.nio.file.Path.of("..", "docs", "protocol.md"));
    String section = page.substring(page.indexOf("## History and recovery"));
    List<JsonNode> blocks = new ArrayList<>();
    java.util.regex.Matcher json = java.util.regex.Pattern.compile("```json\\n(.*?)\\n```", java.util.regex.Pattern.DOTALL)
        .matcher(section);
    while (json.find()) {
      blocks.add(AppJson.MAPPER.readTree(json.group(1)));
    }
    return blocks;
  }

  /** Every member's path ({@code data/rooms/lobby/missed}), sorted: the shape of a message. */
  private static List<String> paths(JsonNode node) {
    List<String> paths = new ArrayList<>();
    node.fields().forEachRemaining(field -> {
      paths.add(field.getKey());
      paths(field.getValue()).forEach(path -> paths.add(field.getKey() + "/" + path));
    });
    return paths.stream().sorted().toList();
  }

  @Test
  void aPoliteCloseEndsTheSessionAndItsTokenRecoversNothing() throws Exception {
    WsTestClient leaving = throughProxy();
    String id = leaving.awaitSession().get("id").asText();
    leaving.call("join", "lobby");
    WsTestClient watcher = direct();

    leaving.close();
    until("@OnClose ran", () -> ints(watcher.call("lifecycle")).get(1) == 1);
    WsTestClient back = keep(leaving.reconnectAndRecover());

    JsonNode session = back.awaitSession();
    assertFalse(session.get("recovered").asBoolean());
    assertNotEquals(id, session.get("id").asText());
  }

  @Test
  void malformedOffsetsOpenANewSession() {
    WsTestClient client = keep(WsTestClient.connect(
        proxy.uri("/rooms?recover=abc&offsets=%7B%22lobby%22%3A%5B1%5D%7D"))); // {"lobby":[1]}

    assertEquals(false, client.awaitSession().get("recovered").asBoolean());
    assertEquals(List.of(), strings(client.call("rooms")));
  }

  private static List<Integer> ints(JsonNode array) {
    List<Integer> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asInt()));
    return values;
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }

  /**
   * Keeps the outage going until {@code length} after {@code since}: the scenario's time away, not
   * a wait for an event.
   */
  private static void outageLasts(Duration length, long since) throws InterruptedException {
    long left = since + length.toNanos() - System.nanoTime();
    if (left > 0) {
      Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
    }
  }

  /** Waits for server state that no message announces, checking often, failing after 10 s. */
  private static void until(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("timed out waiting until " + what);
      }
      Thread.sleep(5);
    }
  }
}
