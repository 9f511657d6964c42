package io.switchboard.undertow;

import io.switchboard.CloseReason;

/**
 * Every close code and reason, and every HTTP status, that the runtime itself sends. The values
 * are stable: clients and tests may rely on them, and {@code docs/protocol.md} lists them.
 */
public final class StatusCodes {

  private StatusCodes() {}

  /** The server is stopping; sent to every session by a graceful stop. */
  public static final CloseReason SERVER_STOPPING =
      new CloseReason(CloseReason.GOING_AWAY, "server stopping");

  /** No pong came back within the pong timeout after a ping. */
  public static final CloseReason HEARTBEAT_TIMEOUT =
      new CloseReason(CloseReason.GOING_AWAY, "heartbeat timeout");

  /** The client sent no message for the idle timeout. */
  public static final CloseReason IDLE_TIMEOUT =
      new CloseReason(CloseReason.GOING_AWAY, "idle timeout");

  /** A binary message reached an endpoint without an {@code @OnBinary} method. */
  public static final CloseReason BINARY_NOT_SUPPORTED =
      new CloseReason(CloseReason.UNSUPPORTED_DATA, "binary messages not supported");

  /** A text or binary message was larger than the max message size (the reason names the size). */
  public static final int MESSAGE_TOO_BIG = CloseReason.MESSAGE_TOO_BIG;

  /** The session kept sending while rate limited. */
  public static final CloseReason RATE_LIMIT_EXCEEDED =
      new CloseReason(CloseReason.POLICY_VIOLATION, "rate limit exceeded");

  /** The session's outbound queue was full and its policy is {@code CLOSE}. */
  public static final CloseReason SLOW_CONSUMER =
      new CloseReason(CloseReason.POLICY_VIOLATION, "slow consumer");

  /** The reported close of a connection that ended without a close frame from the peer. */
  public static final CloseReason CONNECTION_LOST =
      new CloseReason(CloseReason.ABNORMAL_CLOSURE, "connection lost");

  /** HTTP 403: the Origin header is not allowed (reason phrase in the body). */
  public static final int HTTP_FORBIDDEN = 403;

  /** HTTP 401: the handshake hook wants credentials. */
  public static final int HTTP_UNAUTHORIZED = 401;

  /** HTTP 400: the client offered only subprotocols the endpoint does not speak. */
  public static final int HTTP_BAD_REQUEST = 400;

  /** HTTP 426: a plain GET on an endpoint path, without the WebSocket upgrade. */
  public static final int HTTP_UPGRADE_REQUIRED = 426;

  /** HTTP 414: the request line alone is over {@code max-header-size}; the connection is closed. */
  public static final int HTTP_URI_TOO_LONG = 414;

  /** HTTP 431: the request head is over {@code max-header-size}; the connection is closed. */
  public static final int HTTP_REQUEST_HEADER_FIELDS_TOO_LARGE = 431;

  /** HTTP 503: the connection limit is reached, or the server is stopping. */
  public static final int HTTP_SERVICE_UNAVAILABLE = 503;

  /** Body of a 403 for a disallowed origin. */
  public static final String ORIGIN_NOT_ALLOWED = "origin not allowed";

  /** Body of a 503 at the connection limit. */
  public static final String TOO_MANY_CONNECTIONS = "too many connections";

  /** Body of a 503 while stopping. */
  public static final String STOPPING = "server stopping";

  /** Body of a 400 when no offered subprotocol is spoken. */
  public static final String UNSUPPORTED_SUBPROTOCOL = "unsupported subprotocol";

  /** Body of a 414, followed by the limit: "request line over 8192 bytes". */
  public static final String REQUEST_LINE_TOO_LONG = "request line over";

  /** Body of a 431, followed by the limit: "request head over 8192 bytes". */
  public static final String REQUEST_HEAD_TOO_LARGE = "request head over";

  /** Body of a 426 on an endpoint path without an upgrade. */
  public static final String UPGRADE_REQUIRED = "WebSocket upgrade required";

  /** The only WebSocket version spoken, named in the {@code Sec-WebSocket-Version} of a 426. */
  public static final String WEBSOCKET_VERSION = "13";

  /** Body of a 426 for an upgrade whose {@code Sec-WebSocket-Version} is missing or not 13. */
  public static final String UNSUPPORTED_VERSION = "unsupported WebSocket version; this server speaks 13";

  /** Body of a 400 for an upgrade without {@code Sec-WebSocket-Key}. */
  public static final String MISSING_KEY = "missing Sec-WebSocket-Key";

  /** The message of every {@code internal} error reply: the details stay in the server log. */
  public static final String INTERNAL_ERROR_MESSAGE = "internal error";
}
