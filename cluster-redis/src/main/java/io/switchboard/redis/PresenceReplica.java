package io.switchboard.redis;

import io.lettuce.core.api.async.RedisAsyncCommands;
import io.switchboard.PresenceEntry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's copy of the other nodes' presence entries. A node announces a change on the presence
 * channel; the replica then reads that node's hash again (once for a burst of changes). Every
 * heartbeat it also reads the list of nodes and each node's hash, which repairs a missed
 * announcement and forgets a node whose hash expired (it died without cleaning up).
 */
final class PresenceReplica {

  private static final Logger LOG = LoggerFactory.getLogger(PresenceReplica.class);
  private static final long COALESCE_MILLIS = 50;

  private final Keys keys;
  private final String self;
  private final Supplier<RedisAsyncCommands<byte[], byte[]>> redis;
  private final ScheduledExecutorService timer;
  /** node → endpoint → its entries there. */
  private final Map<String, Map<String, List<PresenceEntry>>> nodes = new ConcurrentHashMap<>();
  private final Set<String> pending = ConcurrentHashMap.newKeySet();

  PresenceReplica(
      Keys keys,
      String self,
      Supplier<RedisAsyncCommands<byte[], byte[]>> redis,
      ScheduledExecutorService timer) {
    this.keys = keys;
    this.self = self;
    this.redis = redis;
    this.timer = timer;
  }

  Collection<PresenceEntry> entries(String endpoint) {
    List<PresenceEntry> all = new ArrayList<>();
    for (Map<String, List<PresenceEntry>> node : nodes.values()) {
      all.addAll(node.getOrDefault(endpoint, List.of()));
    }
    return all;
  }

  /** The nodes this replica has entries of. */
  Set<String> knownNodes() {
    return Set.copyOf(nodes.keySet());
  }

  /** A node announced a change: read its entries again soon (once for a burst of changes). */
  void nodeChanged(String node) {
    if (node.equals(self) || !pending.add(node)) {
      return;
    }
    try {
      timer.schedule(
          () -> {
            pending.remove(node);
            read(node);
          },
          COALESCE_MILLIS,
          TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      pending.remove(node); // the bus is closing: nobody reads the replica any more
    }
  }

  /** Reads the node list and every other node's entries; forgets the nodes that are gone. */
  void refresh() {
    redis.get().smembers(Keys.bytes(keys.nodes()))
        .thenAccept(
            members -> {
              Set<String> listed = new HashSet<>();
              for (byte[] member : members) {
                listed.add(Keys.text(member));
              }
              nodes.keySet().retainAll(listed);
              for (String node : listed) {
                if (!node.equals(self)) {
                  read(node);
                }
              }
            })
        .exceptionally(this::ignore);
  }

  /** Forgets every other node (after the bus was unreachable for longer than a node lives). */
  void clear() {
    nodes.clear();
  }

  private void read(String node) {
    redis.get().hgetall(Keys.bytes(keys.node(node)))
        .thenAccept(
            hash -> {
              if (hash.isEmpty()) { // expired: the node died without cleaning up, or stopped
                nodes.remove(node);
                redis.get().srem(Keys.bytes(keys.nodes()), Keys.bytes(node));
                return;
              }
              Map<String, List<PresenceEntry>> byEndpoint = new HashMap<>();
              hash.forEach(
                  (field, value) -> {
                    PresenceEntries.Decoded decoded =
                        PresenceEntries.decode(node, Keys.text(field), value);
                    if (decoded != null) {
                      byEndpoint
                          .computeIfAbsent(decoded.endpoint(), e -> new ArrayList<>())
                          .add(decoded.entry());
                    }
                  });
              nodes.put(node, byEndpoint);
            })
        .exceptionally(this::ignore);
  }

  private Void ignore(Throwable error) {
    LOG.debug("presence read failed; the next heartbeat reads again", error);
    return null;
  }
}
