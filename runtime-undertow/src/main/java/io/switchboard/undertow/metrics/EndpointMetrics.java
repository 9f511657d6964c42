package io.switchboard.undertow.metrics;

/**
 * What one endpoint reports as it runs, for a metrics library to count. The runtime calls these
 * on IO and handler threads, some once per message: implementations must be thread-safe, must
 * not block, and should resolve their meters once rather than per call. {@link #NONE} is what
 * runs when no metrics are bound.
 */
public interface EndpointMetrics {

  EndpointMetrics NONE = new EndpointMetrics() {};

  /** A WebSocket session opened. */
  default void sessionOpened() {}

  /** A session closed, with the close code it reported. */
  default void sessionClosed(int code) {}

  /** A complete text or binary message arrived. */
  default void messageReceived() {}

  /** A message (reply, push or broadcast copy) was written to a session. */
  default void messageSent() {}

  /** A command's handler finished: {@code outcome} is {@code "ok"} or its error code. */
  default void commandCompleted(String command, String outcome, long nanos) {}

  /** An error reply ({@code bad_request}, the application's own codes…) or a transport error. */
  default void error(String code) {}

  /** An upgrade to this endpoint was refused with this HTTP status. */
  default void handshakeRefused(int status) {}

  /** A session was closed by the slow-consumer policy. */
  default void slowConsumerClosed() {}

  /** A message was refused by the rate limit. */
  default void rateLimited() {}

  /** The bytes waiting in this endpoint's outbound queues went up or down by {@code delta}. */
  default void queuedBytesChanged(long delta) {}
}
