package io.switchboard.undertow.presence;

import io.switchboard.Presence;
import io.switchboard.PresenceEntry;
import io.switchboard.WsSession;
import io.switchboard.undertow.cluster.ClusterBus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The presence of one endpoint: this node's tracked sessions, which it owns, merged with the other
 * nodes' entries that the {@link ClusterBus} replicates. Reads never wait for the network.
 */
public final class EndpointPresence implements Presence {

  private static final Comparator<PresenceEntry> BY_SESSION =
      Comparator.comparing(PresenceEntry::sessionId);

  private final String endpoint;
  private final ClusterBus bus;
  private final Map<String, Tracked> tracked = new ConcurrentHashMap<>();
  /** Unique claims of this node's sessions: "attribute:value" → session id. Guarded by this. */
  private final Map<String, String> claims = new HashMap<>();
  /** Per session, attribute → the value it holds. Guarded by this. */
  private final Map<String, Map<String, String>> held = new HashMap<>();

  public EndpointPresence(String endpoint, ClusterBus bus) {
    this.endpoint = endpoint;
    this.bus = bus;
  }

  private record Tracked(WsSession session, Map<String, String> attributes) {}

  @Override
  public void track(WsSession session, Map<String, String> attributes) {
    Objects.requireNonNull(session, "session");
    Tracked entry = new Tracked(session, Map.copyOf(attributes));
    synchronized (session) { // one session's updates reach the bus in the order they were made
      tracked.put(session.id(), entry);
      bus.putPresence(endpoint, entryOf(entry));
    }
    if (!session.isOpen()) {
      untrack(session); // it closed meanwhile, maybe after its close removed what it could
    }
  }

  @Override
  public void untrack(WsSession session) {
    synchronized (session) {
      if (tracked.remove(session.id()) != null) {
        bus.removePresence(endpoint, session.id());
      }
    }
  }

  /** A tracked session joined or left a room: its entry follows. */
  public void roomsChanged(WsSession session) {
    synchronized (session) {
      Tracked entry = tracked.get(session.id());
      if (entry != null) {
        bus.putPresence(endpoint, entryOf(entry));
      }
    }
  }

  /**
   * A session was recovered on a new connection: its entry, kept while it was away, now follows
   * the new connection's session (the id, claims and attributes stay as they were).
   */
  public void recovered(WsSession session) {
    synchronized (session) {
      tracked.computeIfPresent(session.id(), (id, entry) -> new Tracked(session, entry.attributes()));
    }
  }

  /**
   * What a session holds here: its tracked attributes (null if it is not tracked) and its claims,
   * attribute → value.
   */
  public record Held(Map<String, String> attributes, Map<String, String> claims) {}

  public Held held(String sessionId) {
    Tracked entry = tracked.get(sessionId);
    Map<String, String> claimed;
    synchronized (this) {
      claimed = Map.copyOf(held.getOrDefault(sessionId, Map.of()));
    }
    return new Held(entry == null ? null : entry.attributes(), claimed);
  }

  /** A session closed: its entry and its claims go. */
  public void closed(WsSession session) {
    untrack(session);
    Map<String, String> values;
    synchronized (this) {
      values = held.remove(session.id());
      if (values != null) {
        values.forEach((attribute, value) -> claims.remove(key(attribute, value), session.id()));
      }
    }
    if (values != null) {
      values.forEach((attribute, value) -> bus.release(endpoint, key(attribute, value), session.id()));
    }
  }

  @Override
  public List<PresenceEntry> list() {
    List<PresenceEntry> all = new ArrayList<>(bus.remotePresence(endpoint));
    for (Tracked entry : tracked.values()) {
      all.add(entryOf(entry));
    }
    all.sort(BY_SESSION);
    return all;
  }

  @Override
  public List<PresenceEntry> list(String room) {
    Objects.requireNonNull(room, "room");
    return list().stream().filter(entry -> entry.rooms().contains(room)).toList();
  }

  @Override
  public int count() {
    return bus.remotePresence(endpoint).size() + tracked.size();
  }

  @Override
  public int count(String room) {
    return list(room).size();
  }

  @Override
  public boolean claim(WsSession session, String attribute, String value) {
    String key = key(attribute, value);
    String id = session.id();
    synchronized (this) {
      String holder = claims.get(key);
      if (id.equals(holder)) {
        return true;
      }
      if (holder != null) {
        return false;
      }
      claims.put(key, id); // held while the cluster is asked, so no local session races us
    }
    if (!bus.claim(endpoint, key, id)) {
      synchronized (this) {
        claims.remove(key, id);
      }
      return false;
    }
    String previous;
    synchronized (this) {
      previous = held.computeIfAbsent(id, s -> new HashMap<>()).put(attribute, value);
      if (previous != null) {
        claims.remove(key(attribute, previous), id);
      }
    }
    if (previous != null) {
      bus.release(endpoint, key(attribute, previous), id);
    }
    if (!session.isOpen()) {
      closed(session); // it closed while the cluster was asked: nothing else gives the claim back
    }
    return true;
  }

  private static String key(String attribute, String value) {
    return attribute + ":" + value;
  }

  private PresenceEntry entryOf(Tracked entry) {
    return new PresenceEntry(
        entry.session().id(), bus.nodeId(), entry.session().rooms(), entry.attributes());
  }
}
