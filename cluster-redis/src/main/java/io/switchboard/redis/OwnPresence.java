package io.switchboard.redis;

import io.lettuce.core.api.async.RedisAsyncCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * This node's presence entries, and their copy in Redis: one hash per node, with a version that
 * other nodes compare to know when to read it again. Every change, and the rewrite of the whole
 * hash after a reconnection, happens under one lock, so that Redis gets them in the order the map
 * did and a rewrite never brings back an entry removed meanwhile.
 */
final class OwnPresence {

  /** The hash field that holds the version; entry fields always contain a newline. */
  static final String VERSION = "version";

  private final Keys keys;
  private final String node;
  private final Duration ttl;
  private final Supplier<RedisAsyncCommands<byte[], byte[]>> redis;
  private final Map<String, byte[]> entries = new HashMap<>(); // guarded by this
  private long version; // guarded by this

  OwnPresence(Keys keys, String node, Duration ttl, Supplier<RedisAsyncCommands<byte[], byte[]>> redis) {
    this.keys = keys;
    this.node = node;
    this.ttl = ttl;
    this.redis = redis;
  }

  synchronized void put(String field, byte[] value, boolean connected) {
    entries.put(field, value);
    if (connected) {
      RedisBus.quietly(
          () -> {
            byte[] key = key();
            redis.get().hset(key, Keys.bytes(field), value);
            return changed(key);
          });
    }
  }

  synchronized void remove(String field, boolean connected) {
    if (entries.remove(field) != null && connected) {
      RedisBus.quietly(
          () -> {
            byte[] key = key();
            redis.get().hdel(key, Keys.bytes(field));
            return changed(key);
          });
    }
  }

  /** Bumps the version, renews the TTL and tells the other nodes. */
  private CompletableFuture<Long> changed(byte[] key) {
    redis.get().hset(key, Keys.bytes(VERSION), Keys.bytes(Long.toString(++version)));
    redis.get().pexpire(key, ttl);
    return redis.get().publish(Keys.bytes(keys.presenceChannel()), Keys.bytes(node)).toCompletableFuture();
  }

  /**
   * Writes the whole hash afresh (a new hash renamed over the old one, so readers never see it half
   * written) and lists the node; on every (re)connection, and when the hash expired.
   */
  synchronized void announce() {
    byte[] key = key();
    byte[] fresh = Keys.bytes(keys.node(node) + ":new");
    RedisAsyncCommands<byte[], byte[]> commands = redis.get();
    commands.del(fresh);
    Map<byte[], byte[]> batch = new HashMap<>();
    batch.put(Keys.bytes(VERSION), Keys.bytes(Long.toString(++version)));
    for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
      batch.put(Keys.bytes(entry.getKey()), entry.getValue());
      if (batch.size() == 1000) {
        commands.hset(fresh, batch);
        batch = new HashMap<>();
      }
    }
    if (!batch.isEmpty()) {
      commands.hset(fresh, batch);
    }
    commands.pexpire(fresh, ttl);
    commands.rename(fresh, key);
    commands.sadd(Keys.bytes(keys.nodes()), Keys.bytes(node));
    commands.publish(Keys.bytes(keys.presenceChannel()), Keys.bytes(node));
  }

  /** Removes this node from Redis (a graceful stop). */
  synchronized List<CompletableFuture<?>> delete() {
    List<CompletableFuture<?>> done = new ArrayList<>();
    done.add(redis.get().del(key()).toCompletableFuture());
    done.add(redis.get().srem(Keys.bytes(keys.nodes()), Keys.bytes(node)).toCompletableFuture());
    done.add(
        redis.get()
            .publish(Keys.bytes(keys.presenceChannel()), Keys.bytes(node))
            .toCompletableFuture());
    return done;
  }

  private byte[] key() {
    return Keys.bytes(keys.node(node));
  }
}
