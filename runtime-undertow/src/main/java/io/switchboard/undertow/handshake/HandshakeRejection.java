package io.switchboard.undertow.handshake;

/**
 * Thrown by a {@link HandshakeHook} to refuse an upgrade: the client gets this HTTP status and the
 * reason as a plain-text body, and no WebSocket.
 */
public final class HandshakeRejection extends RuntimeException {

  private final int status;

  private HandshakeRejection(int status, String reason) {
    super(reason, null, false, false);
    this.status = status;
  }

  /** 401: credentials are missing or invalid. */
  public static HandshakeRejection unauthorized(String reason) {
    return new HandshakeRejection(401, reason);
  }

  /** 403: the client is known but not allowed. */
  public static HandshakeRejection forbidden(String reason) {
    return new HandshakeRejection(403, reason);
  }

  /** The HTTP status: 401 or 403. */
  public int status() {
    return status;
  }

  /** The reason sent as the response body. */
  public String reason() {
    return getMessage();
  }
}
