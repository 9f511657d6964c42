package io.switchboard.redis.testing;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.Map;

/** Looks at a test's Redis from outside the nodes: who subscribes to what. */
public final class RedisProbe implements AutoCloseable {

  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;

  public RedisProbe(String uri) {
    this.client = RedisClient.create(uri);
    this.connection = client.connect();
  }

  /** How many connections subscribe to {@code channel}. */
  public long subscribers(String channel) {
    Map<String, Long> counts = connection.sync().pubsubNumsub(channel);
    return counts.getOrDefault(channel, 0L);
  }

  /** Waits until {@code count} connections subscribe to {@code channel}. */
  public void awaitSubscribers(String channel, long count) {
    Eventually.within(
        java.time.Duration.ofSeconds(10),
        count + " subscribers to " + channel,
        () -> subscribers(channel) >= count);
  }

  /** The field names of a hash. */
  public java.util.Set<String> hashFields(String key) {
    return connection.sync().hkeys(key).stream().collect(java.util.stream.Collectors.toSet());
  }

  @Override
  public void close() {
    connection.close();
    client.shutdown();
  }
}
