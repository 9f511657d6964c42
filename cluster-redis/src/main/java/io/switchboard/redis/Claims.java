package io.switchboard.redis;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unique claims across the cluster: one hash per endpoint, {@code "attribute:value"} → {@code
 * "node/session"}. A claim is one atomic script: it takes the value if it is free, already this
 * session's (on this node, or on the node it was recovered from), or held by a node whose presence
 * expired (it died without giving it back). What this
 * node claimed or gave back while Redis was away is settled with Redis on the next connection.
 */
final class Claims {

  private static final Logger LOG = LoggerFactory.getLogger(Claims.class);

  private static final String CLAIM =
      "local holder = redis.call('HGET', KEYS[1], ARGV[1]) "
          + "if holder == false or holder == ARGV[2] then "
          + "  redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) return 1 end "
          + "if string.match(holder, '/(.*)$') == string.match(ARGV[2], '/(.*)$') then "
          + "  redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) return 1 end "
          + "local node = string.match(holder, '^([^/]*)/') "
          + "if node and redis.call('EXISTS', ARGV[3] .. node) == 0 then "
          + "  redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) return 1 end "
          + "return 0";
  private static final String RELEASE =
      "if redis.call('HGET', KEYS[1], ARGV[1]) == ARGV[2] then "
          + "return redis.call('HDEL', KEYS[1], ARGV[1]) end return 0";

  record Claim(String endpoint, String key, String sessionId) {}

  private final Keys keys;
  private final String node;
  private final Duration timeout;
  private final Supplier<RedisAsyncCommands<byte[], byte[]>> redis;
  private final Map<Claim, Boolean> held = new ConcurrentHashMap<>();
  private final Set<Claim> unreleased = ConcurrentHashMap.newKeySet();

  Claims(Keys keys, String node, Duration timeout, Supplier<RedisAsyncCommands<byte[], byte[]>> redis) {
    this.keys = keys;
    this.node = node;
    this.timeout = timeout;
    this.redis = redis;
  }

  /**
   * Takes a claim; waits for Redis up to the timeout. While Redis is away the node's own check is
   * all there is: the claim is taken here and settled on reconnection. When Redis is there but does
   * not answer in time, the claim is refused: the caller may try again.
   */
  boolean claim(Claim claim, boolean connected) {
    unreleased.remove(claim);
    if (!connected) {
      held.put(claim, Boolean.TRUE);
      return true;
    }
    try {
      boolean taken = send(CLAIM, claim).get(timeout.toMillis(), TimeUnit.MILLISECONDS) == 1L;
      if (taken) {
        held.put(claim, Boolean.TRUE);
      }
      return taken;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (Exception e) {
      LOG.debug("claim {} not confirmed by Redis in time: refused", claim.key(), e);
      return false;
    }
  }

  void release(Claim claim, boolean connected) {
    if (held.remove(claim) == null) {
      return;
    }
    if (!connected) {
      unreleased.add(claim);
      return;
    }
    try {
      send(RELEASE, claim).whenComplete((released, error) -> {
        if (error != null) {
          unreleased.add(claim);
        }
      });
    } catch (RuntimeException e) {
      unreleased.add(claim);
    }
  }

  /**
   * On every (re)connection: gives back what was released meanwhile, and takes again what was
   * claimed; a claim another node took while this one was away is lost (and logged).
   */
  void resync() {
    for (Claim claim : List.copyOf(unreleased)) {
      unreleased.remove(claim);
      send(RELEASE, claim);
    }
    for (Claim claim : List.copyOf(held.keySet())) {
      send(CLAIM, claim).thenAccept(taken -> {
        if (taken != 1L && held.remove(claim) != null) {
          LOG.warn("{} of session {} was taken on another node while Redis was away: given up",
              claim.key(), claim.sessionId());
        }
      });
    }
  }

  /** Gives back every claim (a graceful stop). */
  List<CompletableFuture<?>> releaseAll() {
    List<CompletableFuture<?>> done = new ArrayList<>();
    for (Claim claim : held.keySet()) {
      done.add(send(RELEASE, claim));
    }
    held.clear();
    return done;
  }

  private CompletableFuture<Long> send(String script, Claim claim) {
    return redis.get()
        .<Long>eval(
            script,
            ScriptOutputType.INTEGER,
            new byte[][] {Keys.bytes(keys.claims(claim.endpoint()))},
            Keys.bytes(claim.key()),
            Keys.bytes(node + "/" + claim.sessionId()),
            Keys.bytes(keys.node("")))
        .toCompletableFuture();
  }
}
