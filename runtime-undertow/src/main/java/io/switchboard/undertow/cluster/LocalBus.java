package io.switchboard.undertow.cluster;

import io.switchboard.PresenceEntry;
import java.util.Collection;
import java.util.List;

/**
 * The bus of a single node, the default: a publish is a local delivery, there are no other nodes
 * to see, and this node holds every lease.
 */
public final class LocalBus implements ClusterBus {

  private final String nodeId;
  private volatile LocalDelivery local;

  public LocalBus(String nodeId) {
    this.nodeId = nodeId;
  }

  @Override
  public void start(LocalDelivery local) {
    this.local = local;
  }

  @Override
  public int publish(Target target, byte[] message, String exceptSessionId) {
    return local.deliver(target, message, exceptSessionId);
  }

  @Override
  public void subscribe(Target target) {}

  @Override
  public void unsubscribe(Target target) {}

  @Override
  public void putPresence(String endpoint, PresenceEntry entry) {}

  @Override
  public void removePresence(String endpoint, String sessionId) {}

  @Override
  public Collection<PresenceEntry> remotePresence(String endpoint) {
    return List.of();
  }

  @Override
  public boolean claim(String endpoint, String key, String sessionId) {
    return true;
  }

  @Override
  public void release(String endpoint, String key, String sessionId) {}

  @Override
  public boolean holdsLease(String name) {
    return true;
  }

  @Override
  public void releaseLease(String name) {}

  @Override
  public boolean hearsOtherNodes() {
    return false;
  }

  @Override
  public boolean connected() {
    return true;
  }

  @Override
  public long droppedPublishes() {
    return 0;
  }

  @Override
  public String nodeId() {
    return nodeId;
  }

  @Override
  public void close() {}
}
