package ${package};

import io.switchboard.Broadcaster;
import io.switchboard.Event;
import io.switchboard.Every;
import io.switchboard.WsCommand;
import io.switchboard.WsEndpoint;
import io.switchboard.WsSession;
import java.time.Instant;

/**
 * The app's WebSocket endpoint, served at ws://localhost:${port}${endpointPath}.
 *
 * <p>Each {@code @WsCommand} method is a command a client can send in either form: the text line
 * {@code echo hi}, or the JSON envelope {@code {"cmd":"echo","id":1,"data":"hi"}}, answered with
 * {@code {"re":1,"cmd":"echo","data":"hi"}}. What a method returns is the reply; what it takes,
 * besides the payload, is injected: the session, a broadcaster, the other sessions, rooms. At
 * compile time the annotation processor turns this class into a dispatch table and its message
 * types into JSON codecs, and reports mistakes (a duplicate command, an unsupported type) as
 * compile errors on the offending line.
 *
 * <p>One instance serves every connection: keep per-connection state in the session's attributes.
 * More in the Switchboard docs: annotations.md (every annotation and parameter), protocol.md
 * (the messages on the wire), broadcast.md (rooms, pushes) and testing.md.
 */
@WsEndpoint("${endpointPath}")
public class ${endpointClass} {

  // The events this endpoint pushes, each declared once with its name and payload type and pushed
  // by that declaration: the compiler checks every payload, and the events are part of the
  // contract the build writes (META-INF/switchboard/asyncapi.json and switchboard.d.ts, see
  // contract.md in the Switchboard docs).

  /** Pushed to everyone when someone says something. */
  static final Event<Said> SAID = Event.of("said");

  /** Pushed every second by the clock method. */
  static final Event<Clock> CLOCK = Event.of("clock");

  /** {@code hello} answers with a greeting. */
  @WsCommand("hello")
  String hello() {
    return "Hello, human";
  }

  /** {@code echo some text} answers with the text; the payload is the rest of the line. */
  @WsCommand("echo")
  String echo(String text) {
    return text;
  }

  /** {@code time} answers with the server's time, ISO-8601. */
  @WsCommand("time")
  String time() {
    return Instant.now().toString();
  }

  /**
   * {@code say hi} (or {@code {"cmd":"say","data":{"text":"hi"}}}) sends a "said" event to every
   * connected client, the sender included. It replies with nothing: the event is the answer.
   */
  @WsCommand("say")
  void say(Say message, WsSession sender, Broadcaster everyone) {
    everyone.toAll(SAID, new Said(sender.id(), message.text()));
  }

  /**
   * Runs every second from start to shutdown, with no client asking: a "clock" event to everyone.
   * The way to push readings, ticks or anything the server learns by itself.
   */
  @Every("1s")
  void clock(Broadcaster everyone) {
    everyone.toAll(CLOCK, new Clock(Instant.now().toString()));
  }

  /** The payload of {@code say}: a type with one String property also reads from a text line. */
  public record Say(String text) {}

  /** Who said what. */
  public record Said(String from, String text) {}

  /** The time, as the clock event carries it. */
  public record Clock(String time) {}
}
