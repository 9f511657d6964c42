package io.switchboard.undertow.dispatch;

import io.switchboard.Broadcaster;
import io.switchboard.EndpointInfo;
import io.switchboard.Presence;
import io.switchboard.Rooms;
import io.switchboard.Sessions;
import io.switchboard.WsSession;
import io.switchboard.spi.HandlerContext;

/**
 * What handlers get injected: one per session, or one without a session for {@code @Every}
 * methods.
 */
final class SessionContext implements HandlerContext {

  private final EndpointRuntime<?> endpoint;
  private final WsSession session;
  private final Broadcaster broadcaster;

  SessionContext(EndpointRuntime<?> endpoint, WsSession session) {
    this(endpoint, session, endpoint.broadcaster());
  }

  SessionContext(EndpointRuntime<?> endpoint, WsSession session, Broadcaster broadcaster) {
    this.endpoint = endpoint;
    this.session = session;
    this.broadcaster = broadcaster;
  }

  @Override
  public WsSession session() {
    if (session == null) {
      throw new IllegalStateException(
          "no session here: a scheduled method of " + endpoint.path() + " runs without one");
    }
    return session;
  }

  @Override
  public Broadcaster broadcaster() {
    return broadcaster;
  }

  @Override
  public Sessions sessions() {
    return endpoint.sessions();
  }

  @Override
  public Rooms rooms() {
    return endpoint.rooms();
  }

  @Override
  public Presence presence() {
    return endpoint.presence();
  }

  @Override
  public EndpointInfo endpoint() {
    return endpoint.info();
  }
}
