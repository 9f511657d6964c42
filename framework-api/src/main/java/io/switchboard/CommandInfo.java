package io.switchboard;

/**
 * One command of an endpoint, as listed in its generated dispatch table.
 *
 * @param name the command name
 * @param handler the handling method, {@code "ChatEndpoint#say(ChatLine, Broadcaster)"}
 * @param payload the payload type's simple name, or empty when the command takes none
 * @param nonBlocking whether the handler runs on the IO thread ({@link NonBlocking})
 * @param argument how the payload is written after the command in a text line: its members for a
 *     type that is read as JSON ({@code {"item":…,"amount":…}}), else the type in angle brackets
 *     ({@code <ChatLine>}, {@code <int>}); empty when the command takes none
 */
public record CommandInfo(String name, String handler, String payload, boolean nonBlocking, String argument) {

  /** A command whose text-line argument is described by its payload type: {@code <Type>}. */
  public CommandInfo(String name, String handler, String payload, boolean nonBlocking) {
    this(name, handler, payload, nonBlocking, payload.isEmpty() ? "" : "<" + payload + ">");
  }

  /** {@code bid {"item":…,"amount":…}}: the command as a console user types it. */
  public String usage() {
    return argument.isEmpty() ? name : name + " " + argument;
  }
}
