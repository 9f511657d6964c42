package io.switchboard.undertow.handshake;

/**
 * Application code that runs before every WebSocket upgrade, once the origin check passed: it
 * sees the upgrade request's headers, query parameters and cookies, and either rejects it or
 * attaches a principal and attributes to the session to be.
 *
 * <pre>{@code
 * Switchboard.server()
 *     .handshakeHook(request -> {
 *       String token = request.queryParam("token")
 *           .orElseThrow(() -> HandshakeRejection.unauthorized("token required"));
 *       User user = users.byToken(token)
 *           .orElseThrow(() -> HandshakeRejection.forbidden("unknown token"));
 *       request.principal(user::name);
 *       request.attribute("user", user);
 *     })
 *     .start();
 * }</pre>
 *
 * It runs on a worker thread, so it may block (a database lookup); it must be thread-safe.
 */
@FunctionalInterface
public interface HandshakeHook {

  /**
   * Accepts the request by returning normally.
   *
   * @throws HandshakeRejection to refuse the upgrade with 401 or 403 and a reason
   */
  void onHandshake(HandshakeRequest request);
}
