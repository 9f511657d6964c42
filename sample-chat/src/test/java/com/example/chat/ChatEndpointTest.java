package com.example.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.CloseReason;
import io.switchboard.test.ErrorReplyException;
import io.switchboard.test.SwitchboardExtension;
import io.switchboard.test.WsTestClient;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The chat over real WebSocket connections, with {@code switchboard-test}'s extension and client:
 * every command in both message forms, the room announcements, broadcast between clients, room
 * switches and the scheduled push. The server is shared, so each test that counts people or listens
 * to announcements uses a room of its own.
 */
class ChatEndpointTest {

  /** The commands of the chat, in the order ChatEndpoint declares them. */
  static final List<String> COMMANDS =
      List.of(
          "hello", "name", "temp", "age", "date", "time", "thanks", "id", "users", "bye", "say",
          "join", "help");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger rooms = new AtomicInteger();

  /** The chat as the jar runs it, on a free port of 127.0.0.1, for all the tests of this class. */
  @RegisterExtension
  static final SwitchboardExtension app =
      SwitchboardExtension.of(() -> Main.configure(ChatOptions.parse()));

  /** A new client, welcomed; closed by the extension after the test. */
  private Person connect() {
    WsTestClient client = app.client("/chat");
    JsonNode welcome = client.awaitEvent("welcome");
    return new Person(client, welcome.path("id").asText(), welcome.path("name").asText());
  }

  /** A client alone in a fresh room. */
  private Person connectToOwnRoom() {
    return connectTo("room-" + rooms.incrementAndGet());
  }

  /** A client moved into {@code room}, its own announcement of the move already taken. */
  private Person connectTo(String room) {
    Person person = connect();
    assertEquals("You are now in " + room + ".", person.client().callText("join " + room));
    person.awaitEventAbout("joined", person.id());
    return person;
  }

  record Person(WsTestClient client, String id, String name) {
    String line(String line) {
      return client.callText(line);
    }

    JsonNode call(String command, Object data) {
      return client.call(command, data);
    }

    String room() throws Exception {
      return JSON.readTree(line("users")).path("room").asText();
    }

    /**
     * The next push of {@code event} about the session {@code id}; announcements about others
     * (people of earlier tests leaving the lobby) are passed over.
     */
    JsonNode awaitEventAbout(String event, String id) {
      while (true) {
        JsonNode data = client.awaitEvent(event);
        if (data.path("id").asText().equals(id)) {
          return data;
        }
      }
    }
  }

  private static String errorCode(Runnable call) {
    return assertThrows(ErrorReplyException.class, call::run).code();
  }

  @Test
  void welcomeTellsTheNewSessionItsIdNameAndRoom() {
    Person guest = connect();
    assertTrue(guest.name().matches("guest-\\d+"), guest::name);
    assertEquals(guest.id(), guest.line("id"));
  }

  @Test
  void helloGreetsByNameInBothForms() {
    Person hal = connect();
    hal.line("name Hal");
    assertEquals("Hello, Hal! Type help to see what I understand.", hal.line("hello"));
    assertEquals(
        "Hello, Hal! Type help to see what I understand.", hal.call("hello", null).asText());
  }

  @Test
  void nameRenamesAndAnnouncesItToTheRoom() throws Exception {
    Person ada = connectToOwnRoom();
    String room = ada.room();
    Person other = connectTo(room);

    assertEquals("You are now Ada.", ada.line("name Ada"));
    JsonNode renamed = other.awaitEventAbout("renamed", ada.id());
    assertEquals(ada.name(), renamed.path("from").asText());
    assertEquals("Ada", renamed.path("to").asText());
    assertEquals(room, renamed.path("room").asText());

    assertEquals("You are now Ada Lovelace.", ada.call("name", "Ada Lovelace").asText());
    JsonNode again = other.awaitEventAbout("renamed", ada.id());
    assertEquals("Ada", again.path("from").asText());
    assertEquals("Ada Lovelace", again.path("to").asText());
  }

  @Test
  void nameRefusesBlankTooLongAndTakenNames() {
    Person grace = connect();
    grace.line("name Grace");
    Person other = connect();

    assertEquals("bad_name", errorCode(() -> other.call("name", "   ")));
    assertEquals(
        "bad_name",
        errorCode(() -> other.call("name", "x".repeat(ChatEndpoint.MAX_NAME_LENGTH + 1))));
    ErrorReplyException taken =
        assertThrows(ErrorReplyException.class, () -> other.call("name", "grace"));
    assertEquals("name_taken", taken.code());
    assertEquals("someone is already called grace", taken.errorMessage());
    // The text-line form answers with the same error (as JSON without "re").
    ErrorReplyException takenAsLine =
        assertThrows(ErrorReplyException.class, () -> other.line("name Grace"));
    assertEquals("name_taken", takenAsLine.code());
  }

  @Test
  void tempReadsTheSensorInBothForms() throws Exception {
    Person person = connect();
    assertPlausibleReading(JSON.readTree(person.line("temp")));
    assertPlausibleReading(person.call("temp", null));
  }

  private static void assertPlausibleReading(JsonNode reading) {
    double celsius = reading.path("celsius").asDouble(Double.NaN);
    assertTrue(celsius > 17 && celsius < 25, reading::toString);
    Instant at = Instant.parse(reading.path("at").asText());
    assertTrue(Duration.between(at, Instant.now()).abs().toSeconds() < 60, reading::toString);
  }

  @Test
  void ageSaysHowLongTheConnectionIsOpenInBothForms() {
    Person person = connect();
    String pattern = "You have been connected for (\\d+ min )?\\d+ s\\.";
    assertTrue(person.line("age").matches(pattern));
    assertTrue(person.call("age", null).asText().matches(pattern));
  }

  @Test
  void dateAndTimeAreTheServersInIsoFormInBothForms() {
    Person person = connect();
    LocalDate today = LocalDate.now();
    assertTrue(List.of(today, today.plusDays(1)).contains(LocalDate.parse(person.line("date"))));
    assertTrue(
        List.of(today, today.plusDays(1))
            .contains(LocalDate.parse(person.call("date", null).asText())));

    for (String time : List.of(person.line("time"), person.call("time", null).asText())) {
      assertTrue(time.matches("\\d{2}:\\d{2}:\\d{2}"), time);
      long apart = Math.abs(ChronoUnit.SECONDS.between(LocalTime.parse(time), LocalTime.now()));
      assertTrue(apart < 60 || apart > 86_340, time); // allow for midnight
    }
  }

  @Test
  void thanksIsAnsweredPolitelyInBothForms() {
    Person tony = connect();
    tony.line("name Tony");
    assertEquals("You're welcome, Tony.", tony.line("thanks"));
    assertEquals("You're welcome, Tony.", tony.call("thanks", null).asText());
  }

  @Test
  void idIsTheSessionIdInBothForms() {
    Person person = connect();
    assertEquals(person.id(), person.line("id"));
    assertEquals(person.id(), person.call("id", null).asText());
  }

  @Test
  void usersListsTheRoomInBothForms() throws Exception {
    Person alan = connectToOwnRoom();
    alan.line("name Alan");
    String room = alan.room();
    Person barbara = connectTo(room);
    barbara.line("name Barbara");

    JsonNode line = JSON.readTree(alan.line("users"));
    assertEquals(room, line.path("room").asText());
    assertEquals(List.of("Alan", "Barbara"), names(line));
    assertEquals(alan.id(), line.path("users").get(0).path("id").asText());
    assertTrue(line.path("online").asInt() >= 2, line::toString);

    assertEquals(List.of("Alan", "Barbara"), names(barbara.call("users", null)));
  }

  private static List<String> names(JsonNode users) {
    List<String> names = new ArrayList<>();
    users.path("users").forEach(user -> names.add(user.path("name").asText()));
    return names;
  }

  @Test
  void byeSaysGoodbyeAndClosesWith1000AsATextLine() {
    Person ed = connect();
    ed.line("name Ed");
    assertEquals("Goodbye, Ed. Come back soon!", ed.line("bye"));
    assertEquals(CloseReason.NORMAL_CLOSURE, ed.client().awaitClose().code());
  }

  @Test
  void byeSaysGoodbyeAndClosesWith1000AsJson() {
    Person edna = connect();
    edna.line("name Edna");
    // The goodbye is a text message, not the reply: the close is queued right behind it.
    assertEquals("Goodbye, Edna. Come back soon!", edna.line("{\"cmd\":\"bye\",\"id\":1}"));
    assertEquals(CloseReason.NORMAL_CLOSURE, edna.client().awaitClose().code());
  }

  @Test
  void sayReachesEveryoneInTheRoomInBothForms() throws Exception {
    Person alice = connectToOwnRoom();
    alice.line("name Alice");
    String room = alice.room();
    Person bob = connectTo(room);

    alice.client().send("say hello, Bob");
    for (Person person : List.of(alice, bob)) {
      JsonNode chat = person.client().awaitEvent("chat");
      assertEquals("hello, Bob", chat.path("text").asText());
      assertEquals("Alice", chat.path("from").asText());
      assertEquals(alice.id(), chat.path("id").asText());
      assertEquals(room, chat.path("room").asText());
    }

    bob.call("say", Map.of("text", "hi, Alice"));
    assertEquals("hi, Alice", alice.client().awaitEvent("chat").path("text").asText());
    assertEquals("hi, Alice", bob.client().awaitEvent("chat").path("text").asText());
  }

  @Test
  void longLinesReachTheRoomWholeAndInOrder() throws Exception {
    Person writer = connectToOwnRoom();
    Person reader = connectTo(writer.room());
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      lines.add(" " + i + " " + String.valueOf((char) ('a' + i)).repeat(32 * 1024) + " ");
      writer.call("say", Map.of("text", lines.get(i)));
    }
    for (String line : lines) {
      assertEquals(line, reader.client().awaitEvent("chat").path("text").asText());
    }
  }

  @Test
  void aClientThatNeverReadsDoesNotHoldUpTheRoom() throws Exception {
    Person writer = connect();
    Person reader = connect();
    try (Socket neverReads = openWithoutReading("/chat")) {
      List<String> lines = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        lines.add(i + " " + "x".repeat(32 * 1024));
        writer.call("say", Map.of("text", lines.get(i)));
      }
      for (String line : lines) {
        assertEquals(line, reader.client().awaitEvent("chat").path("text").asText());
      }
      assertEquals(writer.id(), writer.call("id", null).asText());
    }
  }

  /** A WebSocket handshake on a raw socket, which then reads nothing more: a stuck client. */
  private static Socket openWithoutReading(String path) throws Exception {
    Socket socket = new Socket();
    socket.setReceiveBufferSize(4096);
    socket.connect(new InetSocketAddress("127.0.0.1", app.port()), 5000);
    socket.setSoTimeout(5000);
    String request =
        "GET " + path + " HTTP/1.1\r\n"
            + "Host: 127.0.0.1:" + app.port() + "\r\n"
            + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
    socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
    StringBuilder response = new StringBuilder();
    while (!response.toString().endsWith("\r\n\r\n")) {
      response.append((char) socket.getInputStream().read());
    }
    assertTrue(response.toString().startsWith("HTTP/1.1 101"), response::toString);
    return socket;
  }

  @Test
  void sayRefusesAnEmptyLineNamingTheField() {
    Person person = connect();
    ErrorReplyException error =
        assertThrows(ErrorReplyException.class, () -> person.call("say", Map.of("text", "  ")));
    assertEquals("bad_request", error.code());
    assertEquals("$.text", error.path());
  }

  @Test
  void joinMovesToAnotherRoomAndTellsBothRooms() {
    String lobby = "room-" + rooms.incrementAndGet();
    String kitchen = "room-" + rooms.incrementAndGet();
    Person cook = connectTo(lobby);
    Person stays = connectTo(lobby);
    Person waits = connectTo(kitchen);

    assertEquals("You are now in " + kitchen + ".", cook.call("join", kitchen).asText());
    assertEquals(lobby, stays.awaitEventAbout("left", cook.id()).path("room").asText());
    assertEquals(kitchen, waits.awaitEventAbout("joined", cook.id()).path("room").asText());

    // A line said in the kitchen reaches the kitchen only. The push to every member is queued
    // before `waits` can receive it, so had `stays` been a member, its copy would come before the
    // reply to the id command it sends afterwards.
    cook.client().send("say soup is ready");
    assertEquals("soup is ready", waits.client().awaitEvent("chat").path("text").asText());
    stays.line("id");
    assertThrows(AssertionError.class, () -> stays.client().awaitEvent("chat", Duration.ZERO));

    assertEquals("You are already in " + kitchen + ".", cook.line("join " + kitchen));
    assertEquals("bad_room", errorCode(() -> cook.call("join", "no spaces please")));
  }

  @Test
  void joinsAndLeavesAreAnnouncedToTheRoom() throws Exception {
    Person first = connectToOwnRoom();
    String room = first.room();
    Person second = connect();
    second.line("join " + room);
    assertEquals(room, first.awaitEventAbout("joined", second.id()).path("room").asText());

    second.client().close();
    assertEquals(room, first.awaitEventAbout("left", second.id()).path("room").asText());
  }

  @Test
  void helpListsExactlyTheAnnotatedCommandsInBothForms() throws Exception {
    Person person = connect();
    for (JsonNode help : List.of(JSON.readTree(person.line("help")), person.call("help", null))) {
      List<String> names = new ArrayList<>();
      List<String> withArgument = new ArrayList<>();
      help.path("commands")
          .forEach(
              command -> {
                names.add(command.path("name").asText());
                if (command.path("argument").asBoolean()) {
                  withArgument.add(command.path("name").asText());
                }
              });
      assertEquals(COMMANDS, names);
      assertEquals(List.of("name", "say", "join"), withArgument);
      assertTrue(help.path("usage").asText().contains("{\"cmd\":\"name\""), help::toString);
    }
  }

  @Test
  void anUnknownCommandGetsAnErrorThatPointsToHelp() throws Exception {
    Person person = connect();
    ErrorReplyException error =
        assertThrows(ErrorReplyException.class, () -> person.call("dance", null));
    assertEquals("unknown_command", error.code());
    assertEquals(
        "unknown command \"dance\"; send \"help\" for the list of commands", error.errorMessage());

    ErrorReplyException line =
        assertThrows(ErrorReplyException.class, () -> person.line("dance with me"));
    assertEquals("unknown_command", line.code());
    assertEquals(
        "unknown command \"dance\"; send \"help\" for the list of commands", line.errorMessage());
  }

  @Test
  void theTemperatureIsPushedWithoutAsking() {
    Person person = connect();
    // The schedule runs every 5 s from server start, so one push comes within 5 s of connecting.
    assertPlausibleReading(person.client().awaitEvent("temp", Duration.ofSeconds(8)));
  }
}
