package io.switchboard;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.Principal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One WebSocket connection, as handlers see it. Thread-safe: any thread may send to or close a
 * session. Sends never block; they go to the session's bounded outbound queue (see the
 * slow-consumer policy in {@code docs/broadcast.md}).
 */
public interface WsSession {

  /** A unique, opaque, URL-safe id, stable for the life of the connection. */
  String id();

  /**
   * The path of the endpoint this session is connected to as declared, e.g. {@code "/chat"}, or
   * {@code "/items/{item}"} for a URI template; the template's values are in {@link #pathParams()}.
   */
  String path();

  /**
   * The values of the endpoint's URI template parameters by name, decoded: {@code {item=lamp}} for
   * {@code /items/lamp} on {@code "/items/{item}"}. Empty for an endpoint with a literal path.
   */
  default Map<String, String> pathParams() {
    return Map.of();
  }

  /** The peer's address (the proxy's, when behind one). */
  InetSocketAddress remoteAddress();

  /** The principal the handshake hook attached, if any. */
  Optional<Principal> principal();

  /** The subprotocol chosen in the handshake, or empty when none was. */
  Optional<String> subprotocol();

  /**
   * Mutable, thread-safe attributes of this session: the place for per-connection state such as
   * a nickname. Starts with what the handshake hook attached.
   */
  Map<String, Object> attributes();

  /** When the connection was opened. */
  Instant openedAt();

  /** False once a close frame was sent or received, or the connection dropped. */
  boolean isOpen();

  /** Sends one text message as is. */
  void send(String text);

  /**
   * Pushes an event: {@code {"event":event,"data":payload}} with the payload's generated codec.
   *
   * @throws IllegalArgumentException if no codec exists for the payload's type
   */
  void send(String event, Object payload);

  /** Pushes a declared event, its payload checked against the event's type (see {@link Event}). */
  default <T> void send(Event<T> event, T payload) {
    send(event.name(), payload);
  }

  /** Sends one binary message; the buffer's remaining bytes are sent and it must not be modified. */
  void sendBinary(ByteBuffer data);

  /** Closes with 1000 (normal closure). */
  default void close() {
    close(CloseReason.NORMAL);
  }

  /** Sends a close frame with this code and reason, after the messages already queued. */
  void close(CloseReason reason);

  /** Joins a room of this endpoint (created on first join). Joining twice is a no-op. */
  void join(String room);

  /** Leaves a room (removed once empty). Leaving a room not joined is a no-op. */
  void leave(String room);

  /** The rooms this session is in, a snapshot. */
  Set<String> rooms();

  /**
   * What happens when this session's outbound queue is full: {@link SlowConsumerPolicy#CLOSE} by
   * default, or {@link SlowConsumerPolicy#DROP_OLDEST} for a client that prefers losing stale
   * pushes (a ticker) to being disconnected.
   */
  void slowConsumerPolicy(SlowConsumerPolicy policy);
}
