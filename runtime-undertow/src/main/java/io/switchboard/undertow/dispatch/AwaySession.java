package io.switchboard.undertow.dispatch;

import io.switchboard.undertow.handshake.AcceptedHandshake;
import io.switchboard.undertow.send.OutboundMessage;
import io.switchboard.undertow.session.ServerSession;
import java.security.Principal;
import java.util.ArrayDeque;

/**
 * A session whose connection dropped and whose client asked for recovery: what it was (its
 * pipeline, rooms and join offsets stay on its {@link ServerSession}) and the direct messages
 * sent to it meanwhile, up to a bound. Once recovered, later direct messages that still find it go
 * on to the new connection, after the kept ones.
 */
final class AwaySession<E> {

  private final SessionPipeline<E> pipeline;
  private final String token;
  private final Principal principal;
  private final int maxDirect;
  private final ArrayDeque<OutboundMessage> direct = new ArrayDeque<>(); // guarded by this
  private boolean overflowed; // guarded by this
  private ServerSession forwardTo; // guarded by this

  AwaySession(SessionPipeline<E> pipeline, Principal principal, int maxDirect) {
    this.pipeline = pipeline;
    this.token = pipeline.recoveryToken();
    this.principal = principal;
    this.maxDirect = maxDirect;
  }

  SessionPipeline<E> pipeline() {
    return pipeline;
  }

  ServerSession session() {
    return pipeline.session();
  }

  String token() {
    return token;
  }

  /** Whether a connection of {@code principal} may recover it: the same user, or no user both times. */
  boolean mayBeRecoveredBy(Principal other) {
    return Recovery.samePrincipal(principal, other);
  }

  /** Keeps a direct message, or passes it on once recovered. */
  synchronized boolean keep(OutboundMessage message) {
    if (forwardTo != null) {
      return forwardTo.deliver(message);
    }
    if (direct.size() >= maxDirect) {
      overflowed = true;
      return false;
    }
    direct.addLast(message);
    return true;
  }

  /** Queues what was kept for the recovered session and forwards what comes later. */
  synchronized io.switchboard.undertow.wire.SessionFrame.Outcome handOver(ServerSession recovered) {
    int kept = direct.size();
    for (OutboundMessage message : direct) {
      recovered.deliver(message);
    }
    direct.clear();
    forwardTo = recovered;
    return new io.switchboard.undertow.wire.SessionFrame.Outcome(!overflowed, kept);
  }
}
