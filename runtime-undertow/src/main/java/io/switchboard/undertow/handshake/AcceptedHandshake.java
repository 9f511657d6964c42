package io.switchboard.undertow.handshake;

import io.undertow.util.AttachmentKey;
import java.security.Principal;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What an accepted upgrade carries into its session: the hook's principal and attributes, and the
 * connection slot it holds until the session closes.
 */
public final class AcceptedHandshake {

  /** Where the gate leaves it on the exchange for the connection callback. */
  public static final AttachmentKey<AcceptedHandshake> KEY =
      AttachmentKey.create(AcceptedHandshake.class);

  private final Principal principal;
  private final Map<String, Object> attributes;
  private final Map<String, String> pathParams;
  private final ConnectionLimiter limiter;
  private final AtomicBoolean released = new AtomicBoolean();

  AcceptedHandshake(
      Principal principal, Map<String, Object> attributes, Map<String, String> pathParams, ConnectionLimiter limiter) {
    this.principal = principal;
    this.attributes = attributes;
    this.pathParams = pathParams;
    this.limiter = limiter;
  }

  public Principal principal() {
    return principal;
  }

  public Map<String, Object> attributes() {
    return attributes;
  }

  /** The values of the endpoint's URI template; empty for a literal path. */
  public Map<String, String> pathParams() {
    return pathParams;
  }

  /** Gives the connection slot back; only the first call counts. */
  public void release() {
    if (released.compareAndSet(false, true)) {
      limiter.release();
    }
  }
}
