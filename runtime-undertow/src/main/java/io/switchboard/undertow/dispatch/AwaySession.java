package io.switchboard.undertow.dispatch;

import io.switchboard.undertow.cluster.LocalDelivery;
import io.switchboard.undertow.presence.EndpointPresence;
import io.switchboard.undertow.send.OutboundMessage;
import io.switchboard.undertow.session.ServerSession;
import io.switchboard.undertow.wire.SessionFrame;
import java.nio.ByteBuffer;
import java.security.Principal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A session whose connection dropped and whose client asked for recovery: what it was (its
 * pipeline, rooms and join offsets stay on its {@link ServerSession}) and the direct messages
 * sent to it meanwhile, up to a bound. Once recovered, later direct messages that still find it go
 * on to the new connection, after the kept ones; once taken over by another node, they are
 * refused (that node hears them itself).
 */
final class AwaySession<E> implements Returning {

  private final SessionPipeline<E> pipeline;
  private final String token;
  private final Principal principal;
  private final int maxDirect;
  private final ArrayDeque<OutboundMessage> direct = new ArrayDeque<>(); // guarded by this
  private boolean overflowed; // guarded by this
  private ServerSession forwardTo; // guarded by this
  private boolean movedAway; // guarded by this

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

  Principal principal() {
    return principal;
  }

  /** Whether a connection of {@code principal} may recover it: the same user, or no user both times. */
  boolean mayBeRecoveredBy(Principal other) {
    return Recovery.samePrincipal(principal, other);
  }

  @Override
  public String id() {
    return session().id();
  }

  @Override
  public Map<String, Object> attributes() {
    return session().attributes();
  }

  @Override
  public Map<String, Long> rooms() {
    Map<String, Long> rooms = new LinkedHashMap<>();
    for (String room : session().rooms()) {
      rooms.put(room, session().joinOffset(room));
    }
    return rooms;
  }

  @Override
  public void restorePresence(ServerSession session, EndpointPresence presence) {
    presence.recovered(session);
  }

  /** Keeps a direct message, or passes it on once recovered. */
  synchronized boolean keep(OutboundMessage message) {
    if (forwardTo != null) {
      return forwardTo.deliver(message);
    }
    if (movedAway) {
      return false;
    }
    if (direct.size() >= maxDirect) {
      overflowed = true;
      return false;
    }
    direct.addLast(message);
    return true;
  }

  /** Queues what was kept, then registers the session, then forwards what comes later. */
  @Override
  public synchronized SessionFrame.Outcome handOverDirect(ServerSession recovered, Runnable register) {
    int kept = direct.size();
    for (OutboundMessage message : direct) {
      recovered.deliver(message);
    }
    direct.clear();
    forwardTo = recovered;
    register.run();
    return new SessionFrame.Outcome(!overflowed, kept);
  }

  /** Another node took the session over: gives it what was kept, and keeps nothing from now on. */
  synchronized LocalDelivery.Kept movedAway() {
    movedAway = true;
    List<byte[]> messages = new ArrayList<>(direct.size());
    for (OutboundMessage message : direct) {
      ByteBuffer bytes = message.payload();
      byte[] copy = new byte[bytes.remaining()];
      bytes.get(copy);
      messages.add(copy);
    }
    direct.clear();
    return new LocalDelivery.Kept(messages, !overflowed);
  }
}
