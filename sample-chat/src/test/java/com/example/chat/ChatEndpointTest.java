package com.example.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.CloseReason;
import io.switchboard.undertow.SwitchboardServer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The chat over real WebSocket connections: every command in both message forms, the room
 * announcements, broadcast between clients, room switches and the scheduled push. Each test that
 * counts people uses a room of its own, since the server is shared.
 */
class ChatEndpointTest {

  /** The commands of the issue, in the order ChatEndpoint declares them. */
  static final List<String> COMMANDS =
      List.of("hello", "name", "temp", "age", "date", "time", "thanks", "id", "users", "bye", "say", "join", "help");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger rooms = new AtomicInteger();
  private static SwitchboardServer server;
  private final List<TestClient> clients = new ArrayList<>();

  @BeforeAll
  static void startServer() {
    server = Main.start(ChatOptions.parse("--port", "0", "--host", "127.0.0.1"));
  }

  @AfterAll
  static void stopServer() {
    server.stop(Duration.ofSeconds(2));
  }

  @org.junit.jupiter.api.AfterEach
  void closeClients() {
    clients.forEach(TestClient::close);
  }

  private TestClient connect() throws Exception {
    TestClient client = TestClient.connect(URI.create("ws://127.0.0.1:" + server.port() + "/chat"));
    clients.add(client);
    client.awaitEvent("welcome");
    return client;
  }

  /** A client alone in a fresh room. */
  private TestClient connectToOwnRoom() throws Exception {
    return connectTo("room-" + rooms.incrementAndGet());
  }

  private TestClient connectTo(String room) throws Exception {
    TestClient client = connect();
    assertEquals("You are now in " + room + ".", client.line("join " + room));
    return client;
  }

  private static String data(JsonNode reply) {
    assertFalse(reply.has("error"), () -> "error reply: " + reply);
    return reply.path("data").asText();
  }

  @Test
  void welcomeTellsTheNewSessionItsIdNameAndRoom() throws Exception {
    TestClient client = TestClient.connect(URI.create("ws://127.0.0.1:" + server.port() + "/chat"));
    clients.add(client);
    JsonNode welcome = client.awaitEvent("welcome");
    assertTrue(welcome.path("name").asText().matches("guest-\\d+"), welcome::toString);
    assertEquals("lobby", welcome.path("room").asText());
    assertEquals(welcome.path("id").asText(), client.line("id"));
  }

  @Test
  void helloGreetsByNameInBothForms() throws Exception {
    TestClient client = connect();
    client.line("name Hal");
    assertEquals("Hello, Hal! Type help to see what I understand.", client.line("hello"));
    assertEquals("Hello, Hal! Type help to see what I understand.", data(client.call("hello", null)));
  }

  @Test
  void nameRenamesAndAnnouncesItToTheRoom() throws Exception {
    TestClient ada = connectToOwnRoom();
    String room = JSON.readTree(ada.line("users")).path("room").asText();
    TestClient other = connectTo(room);
    String id = ada.line("id");

    assertEquals("You are now Ada.", ada.line("name Ada"));
    JsonNode renamed = other.awaitEvent("renamed", id);
    assertEquals("Ada", renamed.path("to").asText());
    assertEquals(room, renamed.path("room").asText());

    JsonNode reply = ada.call("name", "\"Ada Lovelace\"");
    assertEquals("You are now Ada Lovelace.", data(reply));
    JsonNode again = other.awaitEvent("renamed");
    assertEquals("Ada", again.path("from").asText());
    assertEquals("Ada Lovelace", again.path("to").asText());
  }

  @Test
  void nameRefusesBlankTooLongAndTakenNames() throws Exception {
    TestClient grace = connect();
    grace.line("name Grace");
    TestClient other = connect();

    assertEquals("bad_name", other.call("name", "\"   \"").path("error").path("code").asText());
    assertEquals("bad_name", other.call("name", "\"" + "x".repeat(ChatEndpoint.MAX_NAME_LENGTH + 1) + "\"").path("error").path("code").asText());
    JsonNode taken = other.call("name", "\"grace\"");
    assertEquals("name_taken", taken.path("error").path("code").asText());
    assertEquals("someone is already called grace", taken.path("error").path("message").asText());
  }

  @Test
  void tempReadsTheSensorInBothForms() throws Exception {
    TestClient client = connect();
    JsonNode line = JSON.readTree(client.line("temp"));
    assertPlausibleReading(line);
    assertPlausibleReading(client.call("temp", null).path("data"));
  }

  private static void assertPlausibleReading(JsonNode reading) {
    double celsius = reading.path("celsius").asDouble(Double.NaN);
    assertTrue(celsius > 17 && celsius < 25, reading::toString);
    Instant at = Instant.parse(reading.path("at").asText());
    assertTrue(Duration.between(at, Instant.now()).abs().toSeconds() < 60, reading::toString);
  }

  @Test
  void ageSaysHowLongTheConnectionIsOpenInBothForms() throws Exception {
    TestClient client = connect();
    String pattern = "You have been connected for (\\d+ min )?\\d+ s\\.";
    assertTrue(client.line("age").matches(pattern));
    assertTrue(data(client.call("age", null)).matches(pattern));
  }

  @Test
  void dateAndTimeAreTheServersInIsoFormInBothForms() throws Exception {
    TestClient client = connect();
    LocalDate today = LocalDate.now();
    assertTrue(List.of(today, today.plusDays(1)).contains(LocalDate.parse(client.line("date"))));
    assertTrue(List.of(today, today.plusDays(1)).contains(LocalDate.parse(data(client.call("date", null)))));

    for (String time : List.of(client.line("time"), data(client.call("time", null)))) {
      assertTrue(time.matches("\\d{2}:\\d{2}(:\\d{2})?"), time);
      long apart = Math.abs(ChronoUnit.SECONDS.between(LocalTime.parse(time), LocalTime.now()));
      assertTrue(apart < 60 || apart > 86_340, time); // allow for midnight
    }
  }

  @Test
  void thanksIsAnsweredPolitelyInBothForms() throws Exception {
    TestClient client = connect();
    client.line("name Tony");
    assertEquals("You're welcome, Tony.", client.line("thanks"));
    assertEquals("You're welcome, Tony.", data(client.call("thanks", null)));
  }

  @Test
  void idIsTheSessionIdInBothForms() throws Exception {
    TestClient client = TestClient.connect(URI.create("ws://127.0.0.1:" + server.port() + "/chat"));
    clients.add(client);
    String id = client.awaitEvent("welcome").path("id").asText();
    assertEquals(id, client.line("id"));
    assertEquals(id, data(client.call("id", null)));
  }

  @Test
  void usersListsTheRoomInBothForms() throws Exception {
    TestClient alan = connectToOwnRoom();
    alan.line("name Alan");
    String room = JSON.readTree(alan.line("users")).path("room").asText();
    TestClient barbara = connectTo(room);
    barbara.line("name Barbara");

    JsonNode line = JSON.readTree(alan.line("users"));
    assertEquals(room, line.path("room").asText());
    assertEquals(List.of("Alan", "Barbara"), names(line));
    assertTrue(line.path("online").asInt() >= 2, line::toString);
    assertEquals(alan.line("id"), line.path("users").get(0).path("id").asText());

    JsonNode json = barbara.call("users", null).path("data");
    assertEquals(List.of("Alan", "Barbara"), names(json));
  }

  private static List<String> names(JsonNode users) {
    List<String> names = new ArrayList<>();
    users.path("users").forEach(user -> names.add(user.path("name").asText()));
    return names;
  }

  @Test
  void byeSaysGoodbyeAndClosesWith1000AsATextLine() throws Exception {
    TestClient client = connect();
    client.line("name Ed");
    assertEquals("Goodbye, Ed. Come back soon!", client.line("bye"));
    assertEquals(CloseReason.NORMAL_CLOSURE, client.awaitClose().code());
  }

  @Test
  void byeSaysGoodbyeAndClosesWith1000AsJson() throws Exception {
    TestClient client = connect();
    client.line("name Edna");
    client.send("{\"cmd\":\"bye\",\"id\":1}");
    assertEquals("Goodbye, Edna. Come back soon!", client.awaitReply());
    assertEquals(CloseReason.NORMAL_CLOSURE, client.awaitClose().code());
  }

  @Test
  void sayReachesEveryoneInTheRoomInBothForms() throws Exception {
    TestClient alice = connectToOwnRoom();
    alice.line("name Alice");
    String aliceId = alice.line("id");
    String room = JSON.readTree(alice.line("users")).path("room").asText();
    TestClient bob = connectTo(room);

    alice.send("say hello, Bob");
    for (TestClient client : List.of(alice, bob)) {
      JsonNode chat = client.awaitEvent("chat");
      assertEquals("hello, Bob", chat.path("text").asText());
      assertEquals("Alice", chat.path("from").asText());
      assertEquals(aliceId, chat.path("id").asText());
      assertEquals(room, chat.path("room").asText());
    }

    bob.send("{\"cmd\":\"say\",\"data\":{\"text\":\"hi, Alice\"}}");
    assertEquals("hi, Alice", alice.awaitEvent("chat").path("text").asText());
    assertEquals("hi, Alice", bob.awaitEvent("chat").path("text").asText());
  }

  @Test
  void sayRefusesAnEmptyLineNamingTheField() throws Exception {
    TestClient client = connect();
    JsonNode error = client.call("say", "{\"text\":\"  \"}").path("error");
    assertEquals("bad_request", error.path("code").asText());
    assertEquals("$.text", error.path("path").asText(), error::toString);
  }

  @Test
  void joinMovesToAnotherRoomAndTellsBothRooms() throws Exception {
    String lobby = "room-" + rooms.incrementAndGet();
    String kitchen = "room-" + rooms.incrementAndGet();
    TestClient cook = connectTo(lobby);
    String cookId = cook.line("id");
    TestClient stays = connectTo(lobby);
    TestClient waits = connectTo(kitchen);

    JsonNode reply = cook.call("join", "\"" + kitchen + "\"");
    assertEquals("You are now in " + kitchen + ".", data(reply));
    JsonNode left = stays.awaitEvent("left", cookId);
    assertEquals(lobby, left.path("room").asText());
    JsonNode joined = waits.awaitEvent("joined", cookId);
    assertEquals(kitchen, joined.path("room").asText());

    // A line said in the kitchen reaches the kitchen only. The push to every member is queued
    // before `waits` can receive it, so had `stays` been a member, its copy would come before the
    // reply to the id command it sends afterwards.
    cook.send("say soup is ready");
    assertEquals("soup is ready", waits.awaitEvent("chat").path("text").asText());
    stays.line("id");
    assertFalse(stays.received().stream().anyMatch(text -> text.contains("soup is ready")), stays.received()::toString);

    assertEquals("You are already in " + kitchen + ".", cook.line("join " + kitchen));
    assertEquals("bad_room", cook.call("join", "\"no spaces please\"").path("error").path("code").asText());
  }

  @Test
  void joinsAndLeavesAreAnnouncedToTheRoom() throws Exception {
    TestClient first = connectToOwnRoom();
    String room = JSON.readTree(first.line("users")).path("room").asText();
    TestClient second = connect();
    String secondId = second.line("id");
    second.line("join " + room);
    assertEquals(room, first.awaitEvent("joined", secondId).path("room").asText());

    second.close();
    assertEquals(room, first.awaitEvent("left", secondId).path("room").asText());
  }

  @Test
  void helpListsExactlyTheAnnotatedCommandsInBothForms() throws Exception {
    TestClient client = connect();
    for (JsonNode help : List.of(JSON.readTree(client.line("help")), client.call("help", null).path("data"))) {
      List<String> names = new ArrayList<>();
      List<String> withArgument = new ArrayList<>();
      help.path("commands").forEach(command -> {
        names.add(command.path("name").asText());
        if (command.path("argument").asBoolean()) {
          withArgument.add(command.path("name").asText());
        }
      });
      assertEquals(COMMANDS, names);
      assertEquals(List.of("name", "say", "join"), withArgument);
    }
  }

  @Test
  void anUnknownCommandGetsAnErrorThatPointsToHelp() throws Exception {
    TestClient client = connect();
    JsonNode error = client.call("dance", null).path("error");
    assertEquals("unknown_command", error.path("code").asText());
    assertTrue(error.path("message").asText().contains("help"), error::toString);

    String line = client.line("dance with me");
    assertTrue(line.contains("dance") && line.contains("help"), line);
  }

  @Test
  void theTemperatureIsPushedWithoutAsking() throws Exception {
    TestClient client = connect();
    // The schedule runs every 5 s from server start, so one push comes within 5 s of connecting.
    JsonNode reading =
        client.await(message -> message.isEvent("temp"), "a temp push", Duration.ofSeconds(8)).json().path("data");
    assertPlausibleReading(reading);
  }
}
