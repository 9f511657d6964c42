package io.switchboard.test;

/**
 * The server refused the WebSocket upgrade with an HTTP status: 403 for a disallowed origin, 404
 * for an unknown path, 503 when it is full, 401 from an authentication hook. Lets a test assert a
 * refusal as easily as a success:
 *
 * <pre>{@code
 * WsHandshakeException refused = assertThrows(WsHandshakeException.class,
 *     () -> WsTestClient.builder(uri).origin("https://evil.example").connect());
 * assertEquals(403, refused.statusCode());
 * }</pre>
 */
public final class WsHandshakeException extends RuntimeException {

  private final int statusCode;

  WsHandshakeException(String uri, int statusCode, Throwable cause) {
    super("WebSocket handshake with " + uri + " refused with HTTP " + statusCode, cause);
    this.statusCode = statusCode;
  }

  /** The HTTP status the server answered instead of 101 Switching Protocols. */
  public int statusCode() {
    return statusCode;
  }
}
