package io.switchboard.undertow.cluster;

import java.util.Set;

/**
 * Makes a {@link ClusterBus} for the URI schemes it knows, e.g. {@code redis}. Found with {@link
 * java.util.ServiceLoader}: a module registers its provider in {@code
 * META-INF/services/io.switchboard.undertow.cluster.ClusterBusProvider}.
 */
public interface ClusterBusProvider {

  /** The URI schemes this provider serves, e.g. {@code redis}, {@code rediss}. */
  Set<String> schemes();

  /** A bus for {@code settings}, not yet started. */
  ClusterBus create(ClusterSettings settings);
}
