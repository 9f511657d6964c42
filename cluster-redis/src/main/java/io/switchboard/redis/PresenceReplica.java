package io.switchboard.redis;

import io.lettuce.core.api.async.RedisAsyncCommands;
import io.switchboard.PresenceEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's copy of the other nodes' presence entries. A node announces a change on the presence
 * channel; the replica then reads that node's hash again (once for a burst of changes). Every
 * heartbeat it also reads each node's version and reads again the hashes whose version changed,
 * which repairs a missed announcement at the cost of one small read per node, and forgets a node
 * whose hash expired (it died without cleaning up). Entries are decoded on the bus's own thread,
 * never on Lettuce's.
 */
final class PresenceReplica {

  private static final Logger LOG = LoggerFactory.getLogger(PresenceReplica.class);
  private static final long COALESCE_MILLIS = 50;

  private final Keys keys;
  private final String self;
  private final Supplier<RedisAsyncCommands<byte[], byte[]>> redis;
  private final ScheduledExecutorService timer;
  private final Executor onTimer;
  /** node → its entries, by endpoint, and the version they were read at. */
  private final Map<String, NodeView> nodes = new ConcurrentHashMap<>();
  private final Set<String> pending = ConcurrentHashMap.newKeySet();

  private record NodeView(byte[] version, Map<String, List<PresenceEntry>> byEndpoint) {}

  PresenceReplica(
      Keys keys,
      String self,
      Supplier<RedisAsyncCommands<byte[], byte[]>> redis,
      ScheduledExecutorService timer) {
    this.keys = keys;
    this.self = self;
    this.redis = redis;
    this.timer = timer;
    this.onTimer = task -> {
      try {
        timer.execute(task);
      } catch (RejectedExecutionException e) {
        // the bus is closing: nobody reads the replica any more
      }
    };
  }

  Collection<PresenceEntry> entries(String endpoint) {
    List<PresenceEntry> all = new ArrayList<>();
    for (NodeView node : nodes.values()) {
      all.addAll(node.byEndpoint().getOrDefault(endpoint, List.of()));
    }
    return all;
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
      pending.remove(node);
    }
  }

  /** Reads the node list and every other node's version; reads the hashes that changed. */
  void refresh() {
    redis.get().smembers(Keys.bytes(keys.nodes()))
        .thenAcceptAsync(
            members -> {
              Set<String> listed = new HashSet<>();
              for (byte[] member : members) {
                listed.add(Keys.text(member));
              }
              nodes.keySet().retainAll(listed);
              for (String node : listed) {
                if (!node.equals(self)) {
                  readIfChanged(node);
                }
              }
            },
            onTimer)
        .exceptionally(this::ignore);
  }

  /** Forgets every other node (after the bus was unreachable for longer than a node lives). */
  void clear() {
    nodes.clear();
  }

  private void readIfChanged(String node) {
    redis.get().hget(Keys.bytes(keys.node(node)), Keys.bytes(OwnPresence.VERSION))
        .thenAcceptAsync(
            version -> {
              NodeView known = nodes.get(node);
              if (version == null) {
                forget(node);
              } else if (known == null || !Arrays.equals(known.version(), version)) {
                read(node);
              }
            },
            onTimer)
        .exceptionally(this::ignore);
  }

  private void read(String node) {
    redis.get().hgetall(Keys.bytes(keys.node(node)))
        .thenAcceptAsync(
            hash -> {
              if (hash.isEmpty()) {
                forget(node);
                return;
              }
              Map<String, List<PresenceEntry>> byEndpoint = new HashMap<>();
              byte[] version = null;
              for (Map.Entry<byte[], byte[]> field : hash.entrySet()) {
                String name = Keys.text(field.getKey());
                if (name.equals(OwnPresence.VERSION)) {
                  version = field.getValue();
                  continue;
                }
                try {
                  PresenceEntries.Decoded decoded = PresenceEntries.decode(node, name, field.getValue());
                  if (decoded != null) {
                    byEndpoint.computeIfAbsent(decoded.endpoint(), e -> new ArrayList<>()).add(decoded.entry());
                  }
                } catch (RuntimeException e) { // one bad entry must not hide the node's others
                  LOG.debug("skipped a presence entry of node {}", node, e);
                }
              }
              nodes.put(node, new NodeView(version, byEndpoint));
            },
            onTimer)
        .exceptionally(this::ignore);
  }

  /** The node's hash expired (it died without cleaning up) or it left: its entries go. */
  private void forget(String node) {
    nodes.remove(node);
    redis.get().srem(Keys.bytes(keys.nodes()), Keys.bytes(node));
  }

  private Void ignore(Throwable error) {
    LOG.debug("presence read failed; the next heartbeat reads again", error);
    return null;
  }
}
