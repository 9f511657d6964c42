package io.switchboard.redis;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.pubsub.api.async.RedisPubSubAsyncCommands;
import io.switchboard.undertow.cluster.LocalDelivery;
import io.switchboard.undertow.cluster.SharedAwaySessions;
import io.switchboard.undertow.cluster.Target;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Away sessions in Redis: one hash per session, by token, with the node that kept it, its id, its
 * principal and the record the runtime made of it, expiring with the recovery window. Taking one
 * over marks it moved, in one script that also checks the principal, so that only one node ever
 * takes it, and the node that kept it, at the end of the window, finds it taken and does not
 * close it.
 *
 * <p>The hand-over of the direct messages goes over the session's channel, which both nodes hear:
 * the new node subscribes, then publishes a {@link Frames#MOVED} notice on its subscribed
 * connection; the old node answers with what it kept ({@link Frames#HANDED_OVER}). The direct
 * messages the new node hears before its own notice came back are in what the old node kept, so
 * it drops them; those after, it holds until the answer, and delivers after what was kept.
 *
 * <p>While a recoverable session is open, its hash says so ({@code live}): a client that comes back
 * elsewhere before its node noticed the drop makes the new node ask the old one ({@link
 * Frames#DROP}) to drop the connection as lost; the old node says when it kept the session ({@link
 * Frames#KEPT}), and the new one takes it over.
 */
final class AwayRecords implements SharedAwaySessions {

  private static final Logger LOG = LoggerFactory.getLogger(AwayRecords.class);

  /** KEYS: the session's hash. ARGV: node, session, principal ('' for none), TTL ms. */
  private static final String OPENED =
      "redis.call('HSET', KEYS[1], 'node', ARGV[1], 'session', ARGV[2], 'principal', ARGV[3],"
          + " 'live', '1') "
          + "redis.call('PEXPIRE', KEYS[1], ARGV[4]) return 1";
  /** KEYS: the session's hash. ARGV: node. Removes it unless another node took it over. */
  private static final String ENDED =
      "if redis.call('HGET', KEYS[1], 'node') == ARGV[1] and redis.call('HEXISTS', KEYS[1], 'moved') == 0"
          + " then redis.call('DEL', KEYS[1]) end return 1";
  /** KEYS: the away hash. ARGV: node, session, principal ('' for none), record, window ms. */
  private static final String KEEP =
      "redis.call('HSET', KEYS[1], 'node', ARGV[1], 'session', ARGV[2], 'principal', ARGV[3],"
          + " 'record', ARGV[4]) "
          + "redis.call('HDEL', KEYS[1], 'live') "
          + "redis.call('PEXPIRE', KEYS[1], ARGV[5]) return 1";
  /** KEYS: the away hash. 0 if another node took it over, else 1 (and it is gone). */
  private static final String TAKE_BACK =
      "if redis.call('HEXISTS', KEYS[1], 'moved') == 1 then return 0 end "
          + "redis.call('DEL', KEYS[1]) return 1";
  /**
   * KEYS: the away hash. ARGV: principal ('' for none), this node. The node, session and record;
   * or 'live', the node and the session if that node has not noticed the drop yet.
   */
  private static final String TAKE_OVER =
      "local f = redis.call('HMGET', KEYS[1], 'node', 'session', 'principal', 'record', 'moved', 'live') "
          + "if not f[1] or f[5] or f[1] == ARGV[2] or f[3] ~= ARGV[1] then return {} end "
          + "if f[6] then return {'live', f[1], f[2]} end "
          + "redis.call('HSET', KEYS[1], 'moved', ARGV[2]) "
          + "return {f[1], f[2], f[4]}";
  /** How long a live session's entry lasts if its node dies without removing it. */
  private static final Duration LIVE_TTL = Duration.ofDays(1);

  private final Keys keys;
  private final String nodeId;
  private final Supplier<RedisAsyncCommands<byte[], byte[]>> redis;
  private final Supplier<RedisPubSubAsyncCommands<byte[], byte[]>> pubSub;
  private final BooleanSupplier connected;
  private final Duration timeout;
  private final ScheduledExecutorService timer;
  private final Supplier<LocalDelivery> local;
  private final Consumer<Target> subscribe;
  private final Consumer<Target> unsubscribe;
  private final Map<String, HandOver> handOvers = new ConcurrentHashMap<>();
  /** Take-overs waiting for the old node to drop and keep a session, by session id. */
  private final Map<String, CompletableFuture<Void>> drops = new ConcurrentHashMap<>();

  AwayRecords(
      Keys keys,
      String nodeId,
      Supplier<RedisAsyncCommands<byte[], byte[]>> redis,
      Supplier<RedisPubSubAsyncCommands<byte[], byte[]>> pubSub,
      BooleanSupplier connected,
      Duration timeout,
      ScheduledExecutorService timer,
      Supplier<LocalDelivery> local,
      Consumer<Target> subscribe,
      Consumer<Target> unsubscribe) {
    this.keys = keys;
    this.nodeId = nodeId;
    this.redis = redis;
    this.pubSub = pubSub;
    this.connected = connected;
    this.timeout = timeout;
    this.timer = timer;
    this.local = local;
    this.subscribe = subscribe;
    this.unsubscribe = unsubscribe;
  }

  @Override
  public void opened(String endpoint, String token, String sessionId, String principal) {
    if (connected.getAsBoolean()) {
      RedisBus.quietly(
          () -> onRecord(
              OPENED, ScriptOutputType.INTEGER, endpoint, token, Keys.bytes(nodeId),
              Keys.bytes(sessionId), principalBytes(principal),
              Keys.bytes(Long.toString(LIVE_TTL.toMillis()))));
    }
  }

  @Override
  public void ended(String endpoint, String token) {
    if (connected.getAsBoolean()) {
      RedisBus.quietly(
          () -> onRecord(ENDED, ScriptOutputType.INTEGER, endpoint, token, Keys.bytes(nodeId)));
    }
  }

  @Override
  public void keep(
      String endpoint, String token, String sessionId, String principal, byte[] record, Duration window) {
    if (connected.getAsBoolean()) {
      byte[] channel = Keys.bytes(keys.channel(Target.session(endpoint, sessionId)));
      RedisBus.quietly(
          () -> onRecord(
                  KEEP, ScriptOutputType.INTEGER, endpoint, token, Keys.bytes(nodeId),
                  Keys.bytes(sessionId), principalBytes(principal), record,
                  Keys.bytes(Long.toString(window.toMillis())))
              .thenRun(() -> redis.get().publish(channel, Frames.kept(nodeId)))); // for a node waiting to take it
    }
  }

  @Override
  public CompletionStage<Boolean> takeBack(String endpoint, String token) {
    if (!connected.getAsBoolean()) {
      return CompletableFuture.completedFuture(true); // nobody else can take it meanwhile either
    }
    try {
      return this.<Long>onRecord(TAKE_BACK, ScriptOutputType.INTEGER, endpoint, token)
          .thenApply(ours -> ours == 1L)
          .exceptionally(error -> true);
    } catch (RuntimeException e) {
      return CompletableFuture.completedFuture(true);
    }
  }

  @Override
  public Moved takeOver(String endpoint, String token, String principal) {
    if (!connected.getAsBoolean()) {
      return null;
    }
    try {
      List<Object> found = take(endpoint, token, principal);
      if (found.size() == 3 && "live".equals(Keys.text((byte[]) found.get(0)))) {
        found = dropThenTake(endpoint, token, principal, Keys.text((byte[]) found.get(1)),
            Keys.text((byte[]) found.get(2)));
      }
      if (found.size() < 3) {
        return null;
      }
      return new Moved(Keys.text((byte[]) found.get(1)), Keys.text((byte[]) found.get(0)), (byte[]) found.get(2));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (Exception e) {
      LOG.debug("taking over an away session failed", e);
      return null;
    }
  }

  private List<Object> take(String endpoint, String token, String principal) throws Exception {
    List<Object> found =
        this.<List<Object>>onRecord(
                TAKE_OVER, ScriptOutputType.MULTI, endpoint, token, principalBytes(principal),
                Keys.bytes(nodeId))
            .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    return found == null ? List.of() : found;
  }

  /** Runs one of the scripts above on the hash of {@code token}'s session. */
  private <T> RedisFuture<T> onRecord(
      String script, ScriptOutputType type, String endpoint, String token, byte[]... args) {
    return redis.get().eval(script, type, new byte[][] {Keys.bytes(keys.away(endpoint, token))}, args);
  }

  /** A principal's name as the hash keeps it: empty for none. */
  private static byte[] principalBytes(String principal) {
    return Keys.bytes(principal == null ? "" : principal);
  }

  /**
   * The session is still open on {@code holder}, which has not noticed the drop: asks it to drop
   * the connection, waits until it kept the session (it says so on the session's channel, which
   * this node hears from before it asks), and takes it.
   */
  private List<Object> dropThenTake(
      String endpoint, String token, String principal, String holder, String sessionId) throws Exception {
    Target session = Target.session(endpoint, sessionId);
    CompletableFuture<Void> kept = new CompletableFuture<>();
    drops.put(sessionId, kept);
    subscribe.accept(session);
    try {
      pubSub.get().publish(Keys.bytes(keys.channel(session)), Frames.drop(nodeId, holder));
      kept.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      LOG.debug("node {} did not drop session {} in time", holder, sessionId);
    } finally {
      drops.remove(sessionId, kept);
    }
    List<Object> found = take(endpoint, token, principal);
    if (found.size() < 3 || "live".equals(Keys.text((byte[]) found.get(0)))) {
      unsubscribe.accept(session);
      return List.of();
    }
    return found; // the session's own subscription takes over this one
  }

  @Override
  public CompletionStage<LocalDelivery.Kept> handOver(String endpoint, String sessionId, String fromNode) {
    Target session = Target.session(endpoint, sessionId);
    HandOver handOver = new HandOver(session);
    handOvers.put(sessionId, handOver);
    try {
      pubSub.get().publish(Keys.bytes(keys.channel(session)), Frames.moved(nodeId, fromNode));
      timer.schedule(() -> finish(handOver, null), HAND_OVER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RuntimeException e) { // disconnected, or stopping
      finish(handOver, null);
    }
    return handOver.done;
  }

  /**
   * A push on a session's channel: whether it was held back (or dropped) for a hand-over under
   * way; if not, the caller delivers it.
   */
  boolean heldForHandOver(Target session, Frames.Frame push) {
    HandOver handOver = handOvers.get(session.name());
    if (handOver == null) {
      return false;
    }
    synchronized (handOver) {
      if (handOver.finished) {
        return false;
      }
      if (handOver.noticeCameBack) {
        handOver.since.add(push);
      } // else the old node heard it before our notice, and hands it over
      return true;
    }
  }

  /** A control frame on a session's channel. */
  void control(Target session, byte[] frame, boolean fromThisNode) {
    byte what = Frames.control(frame);
    if (what == Frames.MOVED) {
      if (fromThisNode) {
        HandOver handOver = handOvers.get(session.name());
        if (handOver != null) {
          synchronized (handOver) {
            handOver.noticeCameBack = true;
          }
        }
      } else if (Frames.holder(frame).equals(nodeId)) {
        LocalDelivery.Kept kept = local.get().movedAway(session.endpoint(), session.name());
        if (kept != null) {
          RedisBus.quietly(() -> redis.get().publish(Keys.bytes(keys.channel(session)), Frames.handedOver(nodeId, kept)));
        }
      }
    } else if (what == Frames.HANDED_OVER && !fromThisNode) {
      HandOver handOver = handOvers.get(session.name());
      if (handOver != null) {
        finish(handOver, Frames.handedOverMessages(frame));
      }
    } else if (what == Frames.DROP && !fromThisNode && Frames.holder(frame).equals(nodeId)) {
      local.get().dropStale(session.endpoint(), session.name());
    } else if (what == Frames.KEPT && !fromThisNode) {
      CompletableFuture<Void> waiting = drops.get(session.name());
      if (waiting != null) {
        waiting.complete(null);
      }
    }
  }

  /** Delivers what the old node kept (none if it did not answer), then what came since. */
  private void finish(HandOver handOver, LocalDelivery.Kept kept) {
    synchronized (handOver) {
      if (handOver.finished) {
        return;
      }
      handOver.finished = true;
      handOvers.remove(handOver.session.name(), handOver);
      if (kept != null) {
        for (byte[] message : kept.messages()) {
          local.get().deliver(handOver.session, message, null);
        }
      }
      for (Frames.Frame push : handOver.since) {
        local.get().deliver(handOver.session, push.message(), push.exceptSessionId());
      }
    }
    handOver.done.complete(kept);
  }

  /** One session's hand-over under way on this node. Guarded by itself. */
  private static final class HandOver {
    final Target session;
    final CompletableFuture<LocalDelivery.Kept> done = new CompletableFuture<>();
    final List<Frames.Frame> since = new ArrayList<>();
    boolean noticeCameBack;
    boolean finished;

    HandOver(Target session) {
      this.session = session;
    }
  }
}
