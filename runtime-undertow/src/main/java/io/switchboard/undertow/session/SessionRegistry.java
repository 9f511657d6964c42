package io.switchboard.undertow.session;

import io.switchboard.Sessions;
import io.switchboard.WsSession;
import io.switchboard.undertow.cluster.ClusterBus;
import io.switchboard.undertow.cluster.Target;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The open sessions of one endpoint on this node. The cluster bus is subscribed to each session's
 * direct messages while it is open here.
 */
public final class SessionRegistry implements Sessions {

  private final String endpoint;
  private final ClusterBus bus;
  private final Map<String, ServerSession> sessions = new ConcurrentHashMap<>();

  public SessionRegistry(String endpoint, ClusterBus bus) {
    this.endpoint = endpoint;
    this.bus = bus;
  }

  public void add(ServerSession session) {
    bus.subscribe(Target.session(endpoint, session.id()));
    sessions.put(session.id(), session);
  }

  public void remove(ServerSession session) {
    if (!sessions.remove(session.id(), session)) {
      return;
    }
    bus.unsubscribe(Target.session(endpoint, session.id()));
    if (sessions.isEmpty()) {
      synchronized (this) {
        notifyAll(); // a stop may be waiting for the last session
      }
    }
  }

  /**
   * Waits until no session is open or the deadline ({@link System#nanoTime()}) passes.
   *
   * @return whether every session closed
   */
  public synchronized boolean awaitEmpty(long deadlineNanos) throws InterruptedException {
    while (!sessions.isEmpty()) {
      long left = deadlineNanos - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return true;
  }

  /** A live, weakly consistent view, iterated without copying or locking (for broadcasts). */
  public Collection<ServerSession> live() {
    return sessions.values();
  }

  public ServerSession get(String id) {
    return sessions.get(id);
  }

  @Override
  public Collection<WsSession> all() {
    return List.copyOf(sessions.values());
  }

  @Override
  public Optional<WsSession> find(String id) {
    return Optional.ofNullable(sessions.get(id));
  }

  @Override
  public int count() {
    return sessions.size();
  }
}
