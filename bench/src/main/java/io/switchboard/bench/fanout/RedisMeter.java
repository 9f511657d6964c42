package io.switchboard.bench.fanout;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.Map;

/**
 * Redis seen from outside the nodes, on a connection of its own: how many {@code PUBLISH} commands
 * it has executed ({@code INFO commandstats}) and how much CPU its process has used, so that a
 * phase can be charged with both.
 */
final class RedisMeter implements AutoCloseable {

  /**
   * What Redis did over one phase.
   *
   * @param publishes {@code PUBLISH} commands executed
   * @param cores average cores its process used (1.0 = one core the whole time)
   */
  record Use(long publishes, double cores) {}

  /** A measurement in progress; {@link #stop()} ends it. */
  final class Window {
    private final long startNanos = System.nanoTime();
    private final long publishesBefore = publishes();
    private final Duration cpuBefore = cpuTime();

    Use stop() {
      double wall = System.nanoTime() - startNanos;
      return new Use(publishes() - publishesBefore, cpuTime().minus(cpuBefore).toNanos() / wall);
    }
  }

  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;
  private final RedisCommands<String, String> redis;
  private final long pid;

  RedisMeter(String uri, long pid) {
    this.client = RedisClient.create(uri);
    this.connection = client.connect();
    this.redis = connection.sync();
    this.pid = pid;
  }

  Window start() {
    return new Window();
  }

  /** The server's version, for the report. */
  String version() {
    return field(redis.info("server"), "redis_version");
  }

  /** How many connections subscribe to {@code channel}. */
  long subscribers(String channel) {
    Map<String, Long> counts = redis.pubsubNumsub(channel);
    return counts.getOrDefault(channel, 0L);
  }

  /** {@code calls} of the line {@code cmdstat_publish:calls=…,usec=…}; absent before the first. */
  private long publishes() {
    String stats = field(redis.info("commandstats"), "cmdstat_publish");
    if (stats == null) {
      return 0;
    }
    for (String pair : stats.split(",")) {
      if (pair.startsWith("calls=")) {
        return Long.parseLong(pair.substring("calls=".length()));
      }
    }
    throw new IllegalStateException("no calls in cmdstat_publish:" + stats);
  }

  /** The value of {@code name:value} in an {@code INFO} answer, or null. */
  private static String field(String info, String name) {
    for (String line : info.split("\r?\n")) {
      if (line.startsWith(name + ":")) {
        return line.substring(name.length() + 1).trim();
      }
    }
    return null;
  }

  /**
   * User plus system CPU time of the Redis process: on Linux the JDK reads them from {@code
   * /proc/<pid>/stat} (utime + stime).
   */
  private Duration cpuTime() {
    return ProcessHandle.of(pid)
        .flatMap(process -> process.info().totalCpuDuration())
        .orElseThrow(() -> new IllegalStateException("no CPU time for redis-server, pid " + pid));
  }

  @Override
  public void close() {
    connection.close();
    client.shutdown();
  }
}
