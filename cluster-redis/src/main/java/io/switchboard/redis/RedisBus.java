package io.switchboard.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.pubsub.api.async.RedisPubSubAsyncCommands;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.switchboard.PresenceEntry;
import io.switchboard.undertow.cluster.ClusterBus;
import io.switchboard.undertow.cluster.ClusterSettings;
import io.switchboard.undertow.cluster.LocalDelivery;
import io.switchboard.undertow.cluster.Target;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster bus on Redis (Lettuce). Pushes go out as one {@code PUBLISH} each, already encoded,
 * on a channel per target; a node subscribes only to the channels its local sessions need (each
 * endpoint's all-sessions channel, the rooms that have local members, the local sessions' ids).
 * Presence lives in one hash per node that expires unless the node renews it every heartbeat.
 *
 * <p>Redis down never stops local service: publishes to other nodes are counted as dropped, every
 * call returns at once (but {@link #claim}, bounded to a second), and the log gets one line per
 * change of state. Lettuce reconnects with backoff; once back, the bus subscribes again, announces
 * its presence and reads the others'.
 */
public final class RedisBus implements ClusterBus {

  private static final Logger LOG = LoggerFactory.getLogger(RedisBus.class);

  /** How often a node renews its presence and leases and reads the other nodes'. */
  static final Duration HEARTBEAT = Duration.ofSeconds(2);
  /** How long a node's presence outlives its last heartbeat. */
  static final Duration NODE_TTL = Duration.ofSeconds(10);
  /** How long a lease outlives its holder's last renewal. */
  static final Duration LEASE_TTL = Duration.ofSeconds(6);
  /** The longest a {@link #claim} waits for Redis. */
  static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(1);

  private static final String MARKER = "node";
  private static final String RELEASE_CLAIM =
      "if redis.call('HGET', KEYS[1], ARGV[1]) == ARGV[2] then "
          + "return redis.call('HDEL', KEYS[1], ARGV[1]) end return 0";

  private final RedisURI uri;
  private final String where;
  private final String nodeId;
  private final byte[] nodeBytes;
  private final Keys keys;
  private final ClientResources resources;
  private final RedisClient client;
  private final ScheduledExecutorService timer;
  private final Map<String, Target> subscriptions = new ConcurrentHashMap<>();
  private final Map<String, byte[]> ownPresence = new ConcurrentHashMap<>();
  private final Map<Claim, Boolean> ownClaims = new ConcurrentHashMap<>();
  private final Set<RedisChannelHandler<?, ?>> up = ConcurrentHashMap.newKeySet();
  private final LongAdder dropped = new LongAdder();
  private final PresenceReplica replica;
  private final Leases leases;
  private volatile StatefulRedisConnection<byte[], byte[]> commandConnection;
  private volatile StatefulRedisPubSubConnection<byte[], byte[]> pubSubConnection;
  private volatile RedisAsyncCommands<byte[], byte[]> redis;
  private volatile RedisPubSubAsyncCommands<byte[], byte[]> pubSub;
  private volatile LocalDelivery local;
  private volatile boolean connected;
  private volatile boolean closed;
  private long disconnectedSince = System.nanoTime(); // guarded by this

  private record Claim(String endpoint, String key, String sessionId) {}

  RedisBus(ClusterSettings settings) {
    this.uri = RedisURI.create(settings.uri());
    this.where = describe(uri);
    this.nodeId = settings.nodeId();
    this.nodeBytes = Keys.bytes(nodeId);
    this.keys = new Keys(settings.clusterName());
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "switchboard-redis");
              thread.setDaemon(true);
              return thread;
            });
    this.resources =
        ClientResources.builder()
            .ioThreadPoolSize(2)
            .computationThreadPoolSize(2)
            .reconnectDelay(
                Delay.exponential(
                    Duration.ofMillis(100), Duration.ofSeconds(2), 2, TimeUnit.MILLISECONDS))
            .build();
    this.client = RedisClient.create(resources, uri);
    client.setOptions(
        ClientOptions.builder()
            .autoReconnect(true)
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .requestQueueSize(100_000)
            .socketOptions(
                SocketOptions.builder().connectTimeout(Duration.ofSeconds(2)).keepAlive(true).build())
            .timeoutOptions(TimeoutOptions.enabled(Duration.ofSeconds(5)))
            .build());
    client.addListener(new StateListener());
    this.replica = new PresenceReplica(keys, nodeId, () -> redis, timer);
    this.leases = new Leases(keys, nodeId, LEASE_TTL, HEARTBEAT, () -> redis);
  }

  @Override
  public void start(LocalDelivery local) {
    this.local = local;
    if (!connect()) {
      LOG.warn(
          "cannot reach Redis at {}: serving this node's sessions only, retrying in the background",
          where);
    }
    timer.scheduleWithFixedDelay(
        this::heartbeat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Opens both connections; Lettuce keeps them open from then on. */
  private boolean connect() {
    if (closed) {
      return false;
    }
    try {
      if (commandConnection == null) {
        StatefulRedisConnection<byte[], byte[]> commands = client.connect(ByteArrayCodec.INSTANCE);
        redis = commands.async();
        commandConnection = commands;
        up.add((RedisChannelHandler<?, ?>) commands);
      }
      StatefulRedisPubSubConnection<byte[], byte[]> subscriber =
          client.connectPubSub(ByteArrayCodec.INSTANCE);
      subscriber.addListener(new Receiver());
      pubSub = subscriber.async();
      pubSubConnection = subscriber;
      up.add((RedisChannelHandler<?, ?>) subscriber);
      stateChanged();
      return true;
    } catch (RuntimeException e) {
      LOG.debug("connecting to Redis at {} failed", where, e);
      try {
        timer.schedule(this::connect, 1, TimeUnit.SECONDS);
      } catch (RejectedExecutionException closing) {
        // the bus was closed meanwhile
      }
      return false;
    }
  }

  @Override
  public int publish(Target target, byte[] message, String exceptSessionId) {
    int delivered = local.deliver(target, message, exceptSessionId);
    if (target.kind() == Target.Kind.SESSION && delivered > 0) {
      return delivered; // the session is here: no other node has it
    }
    if (!connected) {
      dropped.increment();
      return delivered;
    }
    try {
      redis.publish(
              Keys.bytes(keys.channel(target)), Frames.encode(nodeId, exceptSessionId, message))
          .whenComplete(
              (receivers, error) -> {
                if (error != null) {
                  dropped.increment();
                }
              });
    } catch (RuntimeException e) { // rejected before it was queued: the connection just dropped
      dropped.increment();
    }
    return delivered;
  }

  @Override
  public void subscribe(Target target) {
    String channel = keys.channel(target);
    subscriptions.put(channel, target);
    if (connected) {
      quietly(() -> pubSub.subscribe(Keys.bytes(channel)));
    }
  }

  @Override
  public void unsubscribe(Target target) {
    String channel = keys.channel(target);
    subscriptions.remove(channel);
    if (connected) {
      quietly(() -> pubSub.unsubscribe(Keys.bytes(channel)));
    }
  }

  @Override
  public void putPresence(String endpoint, PresenceEntry entry) {
    String field = PresenceEntries.field(endpoint, entry.sessionId());
    byte[] value = PresenceEntries.value(entry);
    ownPresence.put(field, value);
    if (connected) {
      quietly(
          () -> {
            byte[] key = Keys.bytes(keys.node(nodeId));
            redis.hset(key, Keys.bytes(field), value);
            redis.pexpire(key, NODE_TTL);
            return redis.publish(Keys.bytes(keys.presenceChannel()), nodeBytes);
          });
    }
  }

  @Override
  public void removePresence(String endpoint, String sessionId) {
    String field = PresenceEntries.field(endpoint, sessionId);
    if (ownPresence.remove(field) != null && connected) {
      quietly(
          () -> {
            redis.hdel(Keys.bytes(keys.node(nodeId)), Keys.bytes(field));
            return redis.publish(Keys.bytes(keys.presenceChannel()), nodeBytes);
          });
    }
  }

  @Override
  public Collection<PresenceEntry> remotePresence(String endpoint) {
    return replica.entries(endpoint);
  }

  @Override
  public boolean claim(String endpoint, String key, String sessionId) {
    Claim claim = new Claim(endpoint, key, sessionId);
    if (!connected) {
      ownClaims.put(claim, Boolean.TRUE); // made cluster-wide once Redis is back, if still free
      return true;
    }
    byte[] hash = Keys.bytes(keys.claims(endpoint));
    byte[] holder = Keys.bytes(nodeId + "/" + sessionId);
    try {
      boolean taken =
          redis.hsetnx(hash, Keys.bytes(key), holder)
              .toCompletableFuture()
              .get(CLAIM_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      if (!taken) {
        byte[] current =
            redis.hget(hash, Keys.bytes(key))
                .toCompletableFuture()
                .get(CLAIM_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        taken = current != null && Keys.text(current).equals(Keys.text(holder));
      }
      if (taken) {
        ownClaims.put(claim, Boolean.TRUE);
      }
      return taken;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (Exception e) { // unreachable or too slow: unique on this node only, as when down
      LOG.debug("claim {} not confirmed by Redis", key, e);
      ownClaims.put(claim, Boolean.TRUE);
      return true;
    }
  }

  @Override
  public void release(String endpoint, String key, String sessionId) {
    if (ownClaims.remove(new Claim(endpoint, key, sessionId)) != null && connected) {
      quietly(() -> releaseClaim(endpoint, key, sessionId));
    }
  }

  private CompletableFuture<Long> releaseClaim(String endpoint, String key, String sessionId) {
    return redis.<Long>eval(
            RELEASE_CLAIM,
            ScriptOutputType.INTEGER,
            new byte[][] {Keys.bytes(keys.claims(endpoint))},
            Keys.bytes(key),
            Keys.bytes(nodeId + "/" + sessionId))
        .toCompletableFuture();
  }

  @Override
  public boolean holdsLease(String name) {
    return leases.holds(name, connected);
  }

  @Override
  public boolean connected() {
    return connected;
  }

  @Override
  public long droppedPublishes() {
    return dropped.sum();
  }

  @Override
  public String nodeId() {
    return nodeId;
  }

  /**
   * Leaves the cluster at once: removes this node's presence, claims and leases (waiting a second
   * at most), then closes the connections.
   */
  @Override
  public void close() {
    closed = true;
    timer.shutdownNow();
    if (connected) {
      List<CompletableFuture<?>> cleanup = new ArrayList<>();
      try {
        cleanup.add(redis.del(Keys.bytes(keys.node(nodeId))).toCompletableFuture());
        cleanup.add(redis.srem(Keys.bytes(keys.nodes()), nodeBytes).toCompletableFuture());
        cleanup.add(
            redis.publish(Keys.bytes(keys.presenceChannel()), nodeBytes).toCompletableFuture());
        for (Claim claim : ownClaims.keySet()) {
          cleanup.add(releaseClaim(claim.endpoint(), claim.key(), claim.sessionId()));
        }
        leases.releaseAll();
        CompletableFuture.allOf(cleanup.toArray(CompletableFuture[]::new))
            .get(1, TimeUnit.SECONDS);
      } catch (Exception e) {
        LOG.debug("leaving the cluster cleanly failed; this node's entries expire instead", e);
      }
    }
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    resources.shutdown(0, 2, TimeUnit.SECONDS);
  }

  /** Every {@link #HEARTBEAT}: renew this node's presence and leases, read the other nodes'. */
  private void heartbeat() {
    try {
      if (!connected) {
        synchronized (this) {
          if (System.nanoTime() - disconnectedSince > NODE_TTL.toNanos()) {
            replica.clear(); // what we knew of the others is older than any of them lives
          }
        }
        return;
      }
      byte[] key = Keys.bytes(keys.node(nodeId));
      redis.pexpire(key, NODE_TTL)
          .thenAccept(
              renewed -> {
                if (!renewed) { // expired (a pause longer than its TTL): write it all again
                  onTimer(this::announce);
                }
              });
      redis.sadd(Keys.bytes(keys.nodes()), nodeBytes);
      leases.renewAll();
      replica.refresh();
    } catch (RuntimeException e) {
      LOG.debug("heartbeat failed; the next one tries again", e);
    }
  }

  /**
   * Writes this node's presence afresh (a new hash renamed over the old one, so readers never see
   * it half written), then its claims; called on every (re)connection.
   */
  private void announce() {
    if (!connected) {
      return;
    }
    byte[] key = Keys.bytes(keys.node(nodeId));
    byte[] fresh = Keys.bytes(keys.node(nodeId) + ":new");
    redis.del(fresh);
    Map<byte[], byte[]> batch = new HashMap<>();
    batch.put(Keys.bytes(MARKER), nodeBytes);
    for (Map.Entry<String, byte[]> entry : ownPresence.entrySet()) {
      batch.put(Keys.bytes(entry.getKey()), entry.getValue());
      if (batch.size() == 1000) {
        redis.hset(fresh, batch);
        batch = new HashMap<>();
      }
    }
    if (!batch.isEmpty()) {
      redis.hset(fresh, batch);
    }
    redis.pexpire(fresh, NODE_TTL);
    redis.rename(fresh, key);
    redis.sadd(Keys.bytes(keys.nodes()), nodeBytes);
    redis.publish(Keys.bytes(keys.presenceChannel()), nodeBytes);
    for (Claim claim : ownClaims.keySet()) {
      redis.hsetnx(
          Keys.bytes(keys.claims(claim.endpoint())),
          Keys.bytes(claim.key()),
          Keys.bytes(nodeId + "/" + claim.sessionId()));
    }
    replica.refresh();
  }

  /** Subscribes again to everything local sessions need (Lettuce's own resubscription aside). */
  private void resubscribe() {
    List<byte[]> channels = new ArrayList<>();
    channels.add(Keys.bytes(keys.presenceChannel()));
    for (String channel : subscriptions.keySet()) {
      channels.add(Keys.bytes(channel));
    }
    pubSub.subscribe(channels.toArray(byte[][]::new));
  }

  private void stateChanged() {
    boolean now =
        !closed
            && commandConnection != null
            && pubSubConnection != null
            && up.contains(commandConnection)
            && up.contains(pubSubConnection);
    synchronized (this) {
      if (now == connected) {
        return;
      }
      connected = now;
      if (!now) {
        disconnectedSince = System.nanoTime();
      }
    }
    if (now) {
      LOG.info("connected to Redis at {}: cross-node delivery on, node {}", where, nodeId);
      onTimer(
          () -> {
            try {
              resubscribe();
              announce();
            } catch (RuntimeException e) {
              LOG.debug("re-announcing failed; the heartbeat repairs it", e);
            }
          });
    } else if (!closed) {
      LOG.warn(
          "lost Redis at {}: serving this node's sessions only, pushes to other nodes are dropped"
              + " until it is back",
          where);
    }
  }

  /** Runs a task on the bus's own thread, unless the bus is closing. */
  private void onTimer(Runnable task) {
    try {
      timer.execute(task);
    } catch (RejectedExecutionException e) {
      // closing: what the task would repair no longer matters
    }
  }

  private static void quietly(java.util.function.Supplier<?> command) {
    try {
      command.get();
    } catch (RuntimeException e) {
      LOG.debug("Redis command not sent; the next (re)connection repairs it", e);
    }
  }

  private static String describe(RedisURI uri) {
    if (!uri.getSentinels().isEmpty()) {
      List<String> sentinels = new ArrayList<>();
      for (RedisURI sentinel : uri.getSentinels()) {
        sentinels.add(sentinel.getHost() + ":" + sentinel.getPort());
      }
      return "sentinels " + sentinels + " (master " + uri.getSentinelMasterId() + ")";
    }
    return (uri.isSsl() ? "rediss://" : "redis://") + uri.getHost() + ":" + uri.getPort();
  }

  /** Keeps {@link #connected} in step with both connections. */
  private final class StateListener implements RedisConnectionStateListener {
    @Override
    public void onRedisConnected(RedisChannelHandler<?, ?> connection, SocketAddress address) {
      up.add(connection);
      stateChanged();
    }

    @Override
    public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
      up.remove(connection);
      stateChanged();
    }
  }

  /** Hands pushes from other nodes to local sessions; notes presence changes. */
  private final class Receiver extends RedisPubSubAdapter<byte[], byte[]> {
    @Override
    public void message(byte[] channel, byte[] message) {
      if (closed) {
        return;
      }
      String name = Keys.text(channel);
      if (name.equals(keys.presenceChannel())) {
        replica.nodeChanged(Keys.text(message));
        return;
      }
      try {
        if (Frames.isFrom(message, nodeBytes)) {
          return; // this node delivered it locally when it published it
        }
        Target target = subscriptions.get(name);
        if (target != null) {
          Frames.Frame frame = Frames.decode(message);
          local.deliver(target, frame.message(), frame.exceptSessionId());
        }
      } catch (RuntimeException e) {
        LOG.debug("dropped a bad message on {}", name, e);
      }
    }
  }
}
