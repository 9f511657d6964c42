package io.switchboard.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisURI;
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
import io.switchboard.undertow.cluster.SharedAwaySessions;
import io.switchboard.undertow.cluster.SharedHistory;
import io.switchboard.undertow.cluster.Target;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster bus on Redis (Lettuce). Pushes go out as one {@code PUBLISH} each, already encoded,
 * on a channel per target; a node subscribes only to the channels its local sessions need (each
 * endpoint's all-sessions channel, the rooms that have local members, the local sessions' ids).
 * Presence lives in one hash per node that expires unless the node renews it every heartbeat.
 *
 * <p>Two connections: one for commands, one subscribed. The bus counts as connected while both
 * are up and answered a {@code PING} within three heartbeats (a silent network partition is
 * noticed that way). Redis down never stops local service: publishes to other nodes are counted
 * as dropped, every call returns at once (but {@link #claim}, bounded to a second), and the log
 * gets one line per change of state. Lettuce reconnects with backoff; once back, the bus
 * subscribes again, announces its presence and claims, and reads the others'.
 */
public final class RedisBus implements ClusterBus {

  private static final Logger LOG = LoggerFactory.getLogger(RedisBus.class);

  /** How often a node pings, renews its presence and leases, and reads the other nodes'. */
  static final Duration HEARTBEAT = Duration.ofSeconds(2);
  /** How long a node's presence outlives its last heartbeat. */
  static final Duration NODE_TTL = Duration.ofSeconds(10);
  /** How long a lease outlives its holder's last renewal. */
  static final Duration LEASE_TTL = Duration.ofSeconds(6);
  /** The longest a {@link #claim} waits for Redis. */
  static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(1);
  /** A connection that answered no ping for this long counts as down. */
  static final Duration SILENCE = HEARTBEAT.multipliedBy(3);
  /** Bytes of publishes Redis has not acknowledged yet, beyond which publishes are dropped. */
  static final long MAX_UNACKNOWLEDGED_BYTES = 64L << 20;

  private final String where;
  private final String nodeId;
  private final byte[] nodeBytes;
  private final Keys keys;
  private final ClientResources resources;
  private final RedisClient client;
  private final ScheduledExecutorService timer;
  private final Subscriptions subscriptions;
  private final OwnPresence ownPresence;
  private final PresenceReplica replica;
  private final Claims claims;
  private final Leases leases;
  private final RoomStreams roomStreams;
  private final AwayRecords awayRecords;
  private final LongAdder dropped = new LongAdder();
  private final AtomicLong unacknowledgedBytes = new AtomicLong();
  private final Link commandLink = new Link();
  private final Link pubSubLink = new Link();
  private volatile StatefulRedisConnection<byte[], byte[]> commandConnection;
  private volatile StatefulRedisPubSubConnection<byte[], byte[]> pubSubConnection;
  private volatile RedisAsyncCommands<byte[], byte[]> redis;
  private volatile RedisPubSubAsyncCommands<byte[], byte[]> pubSub;
  private volatile LocalDelivery local;
  private volatile boolean connected;
  private volatile boolean closed;
  private long disconnectedSince = System.nanoTime(); // guarded by this

  /** One connection's state: up (Lettuce says so) and when it last answered a ping. */
  private static final class Link {
    volatile boolean up;
    volatile long lastAnswer = System.nanoTime();

    boolean healthy() {
      return up && System.nanoTime() - lastAnswer < SILENCE.toNanos();
    }

    void answered() {
      lastAnswer = System.nanoTime();
    }
  }

  RedisBus(ClusterSettings settings) {
    RedisURI uri = RedisURI.create(settings.uri());
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
            .socketOptions(
                SocketOptions.builder().connectTimeout(Duration.ofSeconds(2)).keepAlive(true).build())
            .timeoutOptions(TimeoutOptions.enabled(Duration.ofSeconds(5)))
            .build());
    client.addListener(new StateListener());
    Supplier<RedisAsyncCommands<byte[], byte[]>> commands = () -> redis;
    this.subscriptions = new Subscriptions(keys.presenceChannel(), () -> pubSub);
    this.ownPresence = new OwnPresence(keys, nodeId, NODE_TTL, commands);
    this.replica = new PresenceReplica(keys, nodeId, commands, timer);
    this.claims = new Claims(keys, nodeId, CLAIM_TIMEOUT, commands);
    this.leases = new Leases(keys, nodeId, LEASE_TTL, HEARTBEAT, commands);
    this.roomStreams =
        new RoomStreams(keys, nodeId, () -> pubSub, () -> connected, this::admit, this::settled);
    this.awayRecords =
        new AwayRecords(
            keys, nodeId, commands, () -> pubSub, () -> connected, CLAIM_TIMEOUT, timer, () -> local,
            this::subscribe, this::unsubscribe);
  }

  @Override
  public SharedHistory sharedHistory() {
    return roomStreams;
  }

  @Override
  public SharedAwaySessions sharedAwaySessions() {
    return awayRecords;
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
        commandLink.answered();
        commandLink.up = true;
      }
      StatefulRedisPubSubConnection<byte[], byte[]> subscriber =
          client.connectPubSub(ByteArrayCodec.INSTANCE);
      subscriber.addListener(new Receiver());
      pubSub = subscriber.async();
      pubSubConnection = subscriber;
      pubSubLink.answered();
      pubSubLink.up = true;
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
    byte[] frame = Frames.encode(nodeId, exceptSessionId, message);
    if (!admit(frame.length)) {
      return delivered;
    }
    try {
      redis.publish(Keys.bytes(keys.channel(target)), frame)
          .whenComplete((receivers, error) -> settled(frame.length, error));
    } catch (RuntimeException e) { // rejected before it was queued: the connection just dropped
      settled(frame.length, e);
    }
    return delivered;
  }

  /**
   * Whether a publish of {@code bytes} may go to Redis now: connected, and what Redis has not
   * acknowledged yet stays under {@link #MAX_UNACKNOWLEDGED_BYTES} (Redis too slow: shed, do not
   * queue). A refused publish is counted as dropped; an admitted one must be {@link #settled}.
   */
  boolean admit(int bytes) {
    if (!connected || unacknowledgedBytes.addAndGet(bytes) > MAX_UNACKNOWLEDGED_BYTES) {
      if (connected) {
        unacknowledgedBytes.addAndGet(-bytes);
      }
      dropped.increment();
      return false;
    }
    return true;
  }

  /** An admitted publish was acknowledged by Redis, or failed ({@code error} not null). */
  void settled(int bytes, Throwable error) {
    unacknowledgedBytes.addAndGet(-bytes);
    if (error != null) {
      dropped.increment();
    }
  }

  @Override
  public void subscribe(Target target) {
    subscriptions.add(keys.channel(target), target, pubSubLink.up);
  }

  @Override
  public void unsubscribe(Target target) {
    subscriptions.remove(keys.channel(target), pubSubLink.up);
  }

  @Override
  public void putPresence(String endpoint, PresenceEntry entry) {
    ownPresence.put(
        PresenceEntries.field(endpoint, entry.sessionId()), PresenceEntries.value(entry),
        commandLink.up);
  }

  @Override
  public void removePresence(String endpoint, String sessionId) {
    ownPresence.remove(PresenceEntries.field(endpoint, sessionId), commandLink.up);
  }

  @Override
  public Collection<PresenceEntry> remotePresence(String endpoint) {
    return replica.entries(endpoint);
  }

  @Override
  public boolean claim(String endpoint, String key, String sessionId) {
    return claims.claim(new Claims.Claim(endpoint, key, sessionId), connected);
  }

  @Override
  public void release(String endpoint, String key, String sessionId) {
    claims.release(new Claims.Claim(endpoint, key, sessionId), connected);
  }

  @Override
  public boolean holdsLease(String name) {
    return leases.holds(name, connected);
  }

  @Override
  public void releaseLease(String name) {
    if (commandLink.up) {
      quietly(() -> leases.release(name));
    }
  }

  @Override
  public boolean hearsOtherNodes() {
    return pubSubLink.healthy();
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
    if (commandLink.up) {
      try {
        List<CompletableFuture<?>> cleanup = new ArrayList<>(ownPresence.delete());
        cleanup.addAll(claims.releaseAll());
        cleanup.addAll(leases.releaseAll());
        CompletableFuture.allOf(cleanup.toArray(CompletableFuture[]::new)).get(1, TimeUnit.SECONDS);
      } catch (Exception e) {
        LOG.debug("leaving the cluster cleanly failed; this node's entries expire instead", e);
      }
    }
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    resources.shutdown(0, 2, TimeUnit.SECONDS);
  }

  /**
   * Every {@link #HEARTBEAT}: ping both connections; while connected, renew this node's presence
   * and leases and read the other nodes'.
   */
  private void heartbeat() {
    try {
      ping();
      stateChanged(); // a connection silent for too long counts as down from now
      if (!connected) {
        synchronized (this) {
          if (System.nanoTime() - disconnectedSince > NODE_TTL.toNanos()) {
            replica.clear(); // what we knew of the others is older than any of them lives
          }
        }
        return;
      }
      redis.pexpire(Keys.bytes(keys.node(nodeId)), NODE_TTL)
          .thenAccept(
              renewed -> {
                if (!renewed) { // expired (a pause longer than its TTL): write it all again
                  onTimer(ownPresence::announce);
                }
              });
      redis.sadd(Keys.bytes(keys.nodes()), nodeBytes);
      leases.renewAll();
      replica.refresh();
    } catch (RuntimeException e) {
      LOG.debug("heartbeat failed; the next one tries again", e);
    }
  }

  private void ping() {
    if (commandLink.up) {
      quietly(() -> redis.ping().thenRun(commandLink::answered));
    }
    if (pubSubLink.up) {
      quietly(() -> pubSub.ping().thenRun(pubSubLink::answered));
    }
  }

  private void stateChanged() {
    boolean now;
    synchronized (this) {
      now = !closed && commandLink.healthy() && pubSubLink.healthy();
      if (now == connected) {
        return;
      }
      connected = now;
      if (!now) {
        disconnectedSince = System.nanoTime();
        leases.forgetAll(); // another node may take them before we can renew
      }
    }
    if (now) {
      LOG.info("connected to Redis at {}: cross-node delivery on, node {}", where, nodeId);
      onTimer(
          () -> {
            try {
              redis.info("server").thenAccept(roomStreams::serverInfo);
              subscriptions.resubscribe();
              ownPresence.announce();
              claims.resync();
              leases.renewAll();
              replica.refresh();
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

  /** Sends a command whose failure the next (re)connection repairs. */
  static void quietly(Supplier<?> command) {
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

  /** Keeps each connection's state in step with Lettuce's events. */
  private final class StateListener implements RedisConnectionStateListener {
    @Override
    public void onRedisConnected(RedisChannelHandler<?, ?> connection, SocketAddress address) {
      Link link = linkOf(connection);
      if (link != null) {
        link.answered();
        link.up = true;
        stateChanged();
      }
    }

    @Override
    public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
      Link link = linkOf(connection);
      if (link != null) {
        link.up = false;
        stateChanged();
      }
    }

    private Link linkOf(RedisChannelHandler<?, ?> connection) {
      if (connection == commandConnection) {
        return commandLink;
      }
      return connection == pubSubConnection ? pubSubLink : null;
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
        Target target = subscriptions.target(name);
        if (target == null) {
          return;
        }
        switch (Frames.kind(message)) {
          case Frames.PUSH -> {
            if (Frames.isFrom(message, nodeBytes)) {
              return; // this node delivered it locally when it published it
            }
            Frames.Frame frame = Frames.decode(message);
            if (target.kind() != Target.Kind.SESSION || !awayRecords.heldForHandOver(target, frame)) {
              local.deliver(target, frame.message(), frame.exceptSessionId());
            }
          }
          case Frames.NUMBERED -> { // this node's too: every node delivers a room's pushes in offset order
            Frames.Numbered frame = Frames.decodeNumbered(message);
            local.deliverNumbered(target, frame.offset(), frame.message(), frame.exceptSessionId());
          }
          default -> awayRecords.control(target, message, Frames.isFrom(message, nodeBytes));
        }
      } catch (RuntimeException e) {
        LOG.debug("dropped a bad message on {}", name, e);
      }
    }
  }
}
