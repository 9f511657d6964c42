package io.switchboard.undertow.cluster;

import java.util.Objects;

/**
 * Where a push goes: every session of an endpoint, the members of one of its rooms, or one
 * session.
 *
 * @param kind which of the three
 * @param endpoint the endpoint's path, e.g. {@code "/chat"}
 * @param name the room's name or the session's id; null for {@link Kind#ALL}
 */
public record Target(Kind kind, String endpoint, String name) {

  /** The three kinds of recipient. */
  public enum Kind {
    ALL,
    ROOM,
    SESSION
  }

  public Target {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(endpoint, "endpoint");
    if ((kind == Kind.ALL) != (name == null)) {
      throw new IllegalArgumentException(kind + " target with name " + name);
    }
  }

  public static Target all(String endpoint) {
    return new Target(Kind.ALL, endpoint, null);
  }

  public static Target room(String endpoint, String room) {
    return new Target(Kind.ROOM, endpoint, Objects.requireNonNull(room, "room"));
  }

  public static Target session(String endpoint, String sessionId) {
    return new Target(Kind.SESSION, endpoint, Objects.requireNonNull(sessionId, "sessionId"));
  }
}
