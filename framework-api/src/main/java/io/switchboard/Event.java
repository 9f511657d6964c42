package io.switchboard;

import java.util.Objects;

/**
 * A server push declared once, with its name and payload type: {@code static final Event<ChatLine>
 * CHAT = Event.of("chat");} as a field of the endpoint class, pushed with {@code
 * broadcaster.toRoom(room, CHAT, line)} or {@code session.send(CHAT, line)}. The compiler then
 * checks every payload against the declared type, and the annotation processor sees the event: a
 * payload type with no JSON codec is a compile error on the field, and the event is part of the
 * endpoint's contract ({@code META-INF/switchboard/asyncapi.json} and {@code switchboard.d.ts}).
 *
 * <p>The processor reads the name from the field's initializer, so it must be written there as a
 * string literal, and the field must be {@code static final}. The string forms of {@link
 * Broadcaster} and {@link WsSession#send(String, Object)} remain for names only known at run time;
 * such events are not in the contract.
 *
 * @param <T> the payload type
 */
public final class Event<T> {

  private final String name;

  private Event(String name) {
    this.name = name;
  }

  /**
   * An event named {@code name}; its payload type is the field's type argument.
   *
   * @throws IllegalArgumentException if the name is empty
   */
  public static <T> Event<T> of(String name) {
    if (Objects.requireNonNull(name, "name").isEmpty()) {
      throw new IllegalArgumentException("an event name must not be empty");
    }
    return new Event<>(name);
  }

  /** The name on the wire: {@code {"event":name,"data":…}}. */
  public String name() {
    return name;
  }

  @Override
  public String toString() {
    return "Event[" + name + "]";
  }
}
