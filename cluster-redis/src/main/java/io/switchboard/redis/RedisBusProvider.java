package io.switchboard.redis;

import io.switchboard.undertow.cluster.ClusterBus;
import io.switchboard.undertow.cluster.ClusterBusProvider;
import io.switchboard.undertow.cluster.ClusterSettings;
import java.util.Set;

/** Serves {@code redis://}, {@code rediss://} and {@code redis-sentinel://} cluster URIs. */
public final class RedisBusProvider implements ClusterBusProvider {

  @Override
  public Set<String> schemes() {
    return Set.of("redis", "rediss", "redis-sentinel", "rediss-sentinel");
  }

  @Override
  public ClusterBus create(ClusterSettings settings) {
    return new RedisBus(settings);
  }
}
