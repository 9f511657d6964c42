package com.example.chat;

import io.switchboard.Broadcaster;
import io.switchboard.CloseReason;
import io.switchboard.CommandInfo;
import io.switchboard.EndpointInfo;
import io.switchboard.Event;
import io.switchboard.Every;
import io.switchboard.OnClose;
import io.switchboard.OnOpen;
import io.switchboard.Presence;
import io.switchboard.WsCommand;
import io.switchboard.WsEndpoint;
import io.switchboard.WsException;
import io.switchboard.WsSession;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The chat: every connection gets a guest name and starts in the room {@value #LOBBY}; lines said
 * with {@code say} go to everyone in the room; joins, leaves and renames are announced to the room;
 * every five seconds everyone gets a {@code temp} reading. Each command works as a text line
 * ({@code name Ada}) and as a JSON envelope ({@code {"cmd":"name","id":1,"data":"Ada"}}).
 *
 * <p>Per-connection state (the name and the room) lives in the session's attributes, since one
 * instance serves every connection. Names are unique and {@code users} lists everyone through
 * {@link Presence}, so both hold when the chat runs on several nodes ({@code docs/scaling.md}).
 */
@WsEndpoint("/chat")
public final class ChatEndpoint {

  /** The room every connection starts in. */
  public static final String LOBBY = "lobby";

  /** The longest name {@code name} accepts. */
  public static final int MAX_NAME_LENGTH = 24;

  /** To a new connection: who it is (its guest name) and where (the lobby). */
  static final Event<Member> WELCOME = Event.of("welcome");

  /** To a room: someone came in. */
  static final Event<Member> JOINED = Event.of("joined");

  /** To a room: someone went to another room or closed the connection. */
  static final Event<Member> LEFT = Event.of("left");

  /** To a room: someone in it took a new name. */
  static final Event<Renamed> RENAMED = Event.of("renamed");

  /** To a room: a line someone said in it. */
  static final Event<ChatMessage> CHAT = Event.of("chat");

  /** To everyone, every five seconds: the sensor's reading. */
  static final Event<Temperature> TEMP = Event.of("temp");

  private static final String NAME = "name";
  private static final String ROOM = "room";
  private static final Pattern ROOM_NAME = Pattern.compile("[A-Za-z0-9_-]{1,32}");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  private final Clock clock;
  private final TemperatureSensor sensor;
  private final AtomicInteger guests = new AtomicInteger();

  /** The endpoint on the system clock with a simulated sensor. */
  public ChatEndpoint() {
    this(Clock.systemDefaultZone(), TemperatureSensor.simulated());
  }

  public ChatEndpoint(Clock clock, TemperatureSensor sensor) {
    this.clock = clock;
    this.sensor = sensor;
  }

  @OnOpen
  void joined(WsSession session, Broadcaster broadcaster, Presence presence) {
    // Other nodes number their guests too: skip the names known taken, then claim one for good.
    Set<String> taken =
        presence.list().stream().map(entry -> entry.attribute(NAME)).collect(Collectors.toSet());
    String name;
    do {
      name = "guest-" + guests.incrementAndGet();
    } while (taken.contains(name) || !presence.claim(session, NAME, name));
    session.attributes().put(NAME, name);
    presence.track(session, Map.of(NAME, name));
    session.attributes().put(ROOM, LOBBY);
    session.join(LOBBY);
    Member member = new Member(session.id(), name, LOBBY);
    session.send(WELCOME, member);
    broadcaster.toRoomExcept(LOBBY, session, JOINED, member);
  }

  @OnClose
  void left(WsSession session, Broadcaster broadcaster) {
    // The session has already left its room: everyone still in it hears about it.
    broadcaster.toRoom(roomOf(session), LEFT, memberOf(session));
  }

  @WsCommand("hello")
  String hello(WsSession session) {
    return "Hello, " + nameOf(session) + "! Type help to see what I understand.";
  }

  @WsCommand("name")
  String name(WsSession session, String newName, Presence presence, Broadcaster broadcaster) {
    String name = newName.strip();
    if (name.isEmpty()
        || name.length() > MAX_NAME_LENGTH
        || name.chars().anyMatch(Character::isISOControl)) {
      throw new WsException(
          "bad_name", "a name has 1 to " + MAX_NAME_LENGTH + " characters, e.g. name Ada");
    }
    // Unique on every node, case aside: "Ada" and "ada" are one name.
    if (!presence.claim(session, NAME, name.toLowerCase(Locale.ROOT))) {
      throw new WsException("name_taken", "someone is already called " + name);
    }
    String old = (String) session.attributes().put(NAME, name);
    presence.track(session, Map.of(NAME, name));
    String room = roomOf(session);
    broadcaster.toRoom(room, RENAMED, new Renamed(session.id(), old, name, room));
    return "You are now " + name + ".";
  }

  @WsCommand("temp")
  Temperature temp() {
    return sensor.read();
  }

  @WsCommand("age")
  String age(WsSession session) {
    Duration age = Duration.between(session.openedAt(), clock.instant());
    return "You have been connected for " + describe(age) + ".";
  }

  @WsCommand("date")
  String date() {
    return LocalDate.now(clock).toString();
  }

  @WsCommand("time")
  String time() {
    return LocalTime.now(clock).format(TIME); // "13:14:00", where toString() would drop ":00"
  }

  @WsCommand("thanks")
  String thanks(WsSession session) {
    return "You're welcome, " + nameOf(session) + ".";
  }

  @WsCommand("id")
  String id(WsSession session) {
    return session.id();
  }

  /** The users in the caller's room and how many are online, on every node. */
  @WsCommand("users")
  Users users(WsSession session, Presence presence) {
    String room = roomOf(session);
    List<User> members =
        presence.list(room).stream()
            .map(member -> new User(member.sessionId(), member.attribute(NAME)))
            .sorted(
                Comparator.comparing((User user) -> user.name().toLowerCase(Locale.ROOT))
                    .thenComparing(User::id))
            .toList();
    return new Users(room, members, presence.count());
  }

  /**
   * Says goodbye and closes with 1000. The goodbye is sent as a plain text message, not as the
   * reply: the close frame is queued behind it, and a reply would be queued only after this method
   * returns, behind the close, where it would never be sent.
   */
  @WsCommand("bye")
  void bye(WsSession session) {
    session.send("Goodbye, " + nameOf(session) + ". Come back soon!");
    session.close(new CloseReason(CloseReason.NORMAL_CLOSURE, "bye"));
  }

  /**
   * Says a line to the room, as it was sent. Its length is bounded by the server's largest message
   * (64 KiB by default), not here: the push to each member is encoded once and shared.
   */
  @WsCommand("say")
  void say(ChatLine line, WsSession session, Broadcaster broadcaster) {
    String text = line.text();
    if (text == null || text.isBlank()) {
      throw WsException.badRequest("$.text", "nothing to say: say hello, everyone");
    }
    String room = roomOf(session);
    broadcaster.toRoom(
        room, CHAT, new ChatMessage(session.id(), nameOf(session), room, text, clock.instant()));
  }

  @WsCommand("join")
  String join(WsSession session, String room, Broadcaster broadcaster) {
    String target = room.strip();
    if (!ROOM_NAME.matcher(target).matches()) {
      throw new WsException(
          "bad_room", "a room name has 1 to 32 letters, digits, - or _, e.g. join kitchen");
    }
    String current = roomOf(session);
    if (current.equals(target)) {
      return "You are already in " + target + ".";
    }
    session.leave(current);
    broadcaster.toRoom(current, LEFT, memberOf(session));
    session.attributes().put(ROOM, target);
    session.join(target);
    broadcaster.toRoom(target, JOINED, memberOf(session));
    return "You are now in " + target + ".";
  }

  /** Lists the commands from the generated dispatch table, so the list never falls out of date. */
  @WsCommand("help")
  Help help(EndpointInfo endpoint) {
    List<Help.Command> commands =
        endpoint.commands().stream()
            .map(command -> new Help.Command(command.name(), takesArgument(command)))
            .toList();
    return new Help(
        commands,
        "Send a command as a line (name Ada) or as JSON"
            + " ({\"cmd\":\"name\",\"id\":1,\"data\":\"Ada\"}).");
  }

  @Every("5s")
  void temperature(Broadcaster broadcaster) {
    broadcaster.toAll(TEMP, sensor.read());
  }

  private static boolean takesArgument(CommandInfo command) {
    return !command.payload().isEmpty();
  }

  private static String nameOf(WsSession session) {
    return (String) session.attributes().get(NAME);
  }

  private static String roomOf(WsSession session) {
    return (String) session.attributes().get(ROOM);
  }

  private static Member memberOf(WsSession session) {
    return new Member(session.id(), nameOf(session), roomOf(session));
  }

  /** "1 h 2 min 3 s", leaving out leading zero units. */
  static String describe(Duration duration) {
    long seconds = Math.max(0, duration.toSeconds());
    long hours = seconds / 3600;
    long minutes = seconds % 3600 / 60;
    StringBuilder text = new StringBuilder();
    if (hours > 0) {
      text.append(hours).append(" h ");
    }
    if (hours > 0 || minutes > 0) {
      text.append(minutes).append(" min ");
    }
    return text.append(seconds % 60).append(" s").toString();
  }
}
