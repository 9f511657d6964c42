package io.switchboard.redis;

import io.lettuce.core.pubsub.api.async.RedisPubSubAsyncCommands;
import io.switchboard.undertow.cluster.Target;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The channels this node listens on, kept in step with Redis across reconnects. Every change and
 * every resubscription happens under one lock, so that a subscribe and an unsubscribe of one
 * channel never cross; an unsubscribe that Redis did not get (sent while disconnected, or failed)
 * is sent again on the next connection, since Lettuce resubscribes by itself to what it knew.
 */
final class Subscriptions {

  private final String presenceChannel;
  private final Supplier<RedisPubSubAsyncCommands<byte[], byte[]>> pubSub;
  /** channel → what it carries; read without the lock on every received push. */
  private final Map<String, Target> wanted = new ConcurrentHashMap<>();
  /** Unsubscribes Redis may not have seen. Guarded by this. */
  private final Set<String> unsent = new HashSet<>();

  Subscriptions(String presenceChannel, Supplier<RedisPubSubAsyncCommands<byte[], byte[]>> pubSub) {
    this.presenceChannel = presenceChannel;
    this.pubSub = pubSub;
  }

  /** What a channel this node wants carries, or null. */
  Target target(String channel) {
    return wanted.get(channel);
  }

  synchronized void add(String channel, Target target, boolean connected) {
    wanted.put(channel, target);
    unsent.remove(channel);
    if (connected) {
      RedisBus.quietly(() -> pubSub.get().subscribe(Keys.bytes(channel)));
    }
  }

  synchronized void remove(String channel, boolean connected) {
    if (wanted.remove(channel) == null) {
      return;
    }
    unsent.add(channel); // until Redis confirms
    if (connected) {
      RedisBus.quietly(
          () ->
              pubSub.get()
                  .unsubscribe(Keys.bytes(channel))
                  .thenRun(() -> confirmed(channel)));
    }
  }

  private synchronized void confirmed(String channel) {
    unsent.remove(channel);
  }

  /** On every (re)connection: subscribes to everything wanted, unsubscribes what is not. */
  synchronized void resubscribe() {
    List<byte[]> channels = new ArrayList<>();
    channels.add(Keys.bytes(presenceChannel));
    wanted.keySet().forEach(channel -> channels.add(Keys.bytes(channel)));
    pubSub.get().subscribe(channels.toArray(byte[][]::new));
    if (!unsent.isEmpty()) {
      List<String> stale = List.copyOf(unsent);
      pubSub.get()
          .unsubscribe(stale.stream().map(Keys::bytes).toArray(byte[][]::new))
          .thenRun(() -> stale.forEach(this::confirmed));
    }
  }
}
