package io.switchboard.redis;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Leases that at most one node holds at a time: a key holding the node's id, set if absent and
 * renewed by its holder every heartbeat, that expires when the holder stops renewing it. A node
 * counts a lease as held until its TTL, measured from the moment it sent the renewal, less one
 * heartbeat: it stops acting on it before another node can take it.
 */
final class Leases {

  private static final String ACQUIRE =
      "local v = redis.call('GET', KEYS[1]) "
          + "if v == false then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 1 end "
          + "if v == ARGV[1] then redis.call('PEXPIRE', KEYS[1], ARGV[2]) return 1 end "
          + "return 0";
  private static final String RELEASE =
      "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";

  private final Keys keys;
  private final byte[] node;
  private final Duration ttl;
  private final Duration margin;
  private final Supplier<RedisAsyncCommands<byte[], byte[]>> redis;
  /** lease → until when (System.nanoTime) this node holds it; 0 when it does not. */
  private final Map<String, Long> heldUntil = new ConcurrentHashMap<>();

  Leases(
      Keys keys,
      String node,
      Duration ttl,
      Duration margin,
      Supplier<RedisAsyncCommands<byte[], byte[]>> redis) {
    this.keys = keys;
    this.node = Keys.bytes(node);
    this.ttl = ttl;
    this.margin = margin;
    this.redis = redis;
  }

  /** Whether this node holds the lease now; the first call starts contending for it. */
  boolean holds(String name, boolean connected) {
    Long until = heldUntil.putIfAbsent(name, 0L);
    if (until == null && connected) {
      renew(name);
    }
    return until != null && until != 0L && until - System.nanoTime() > 0;
  }

  /** Takes or renews every lease this node contends for. */
  void renewAll() {
    heldUntil.keySet().forEach(this::renew);
  }

  /**
   * Counts no lease as held any more (the connection to Redis dropped: whether this node still
   * holds them is unknown until the next renewal, and another node may take them meanwhile).
   */
  void forgetAll() {
    heldUntil.replaceAll((name, until) -> 0L);
  }

  /** Stops contending for a lease and gives it back if this node holds it. */
  CompletableFuture<?> release(String name) {
    heldUntil.remove(name);
    return redis.get()
        .eval(RELEASE, ScriptOutputType.INTEGER, new byte[][] {key(name)}, node)
        .toCompletableFuture();
  }

  /** Gives back every lease (a graceful stop). */
  List<CompletableFuture<?>> releaseAll() {
    List<CompletableFuture<?>> done = new ArrayList<>();
    for (String name : List.copyOf(heldUntil.keySet())) {
      done.add(release(name));
    }
    return done;
  }

  private void renew(String name) {
    long sent = System.nanoTime();
    byte[] millis = Keys.bytes(Long.toString(ttl.toMillis()));
    redis.get()
        .<Long>eval(ACQUIRE, ScriptOutputType.INTEGER, new byte[][] {key(name)}, node, millis)
        .whenComplete(
            (held, error) ->
                heldUntil.put(
                    name,
                    error == null && held == 1L ? sent + ttl.minus(margin).toNanos() : 0L));
  }

  private byte[] key(String name) {
    return Keys.bytes(keys.lease(name));
  }
}
