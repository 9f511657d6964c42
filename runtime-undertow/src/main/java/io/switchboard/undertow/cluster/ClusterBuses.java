package io.switchboard.undertow.cluster;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;

/** Picks the bus for the {@code cluster} setting: none set, the local bus; else by URI scheme. */
public final class ClusterBuses {

  private static final SecureRandom RANDOM = new SecureRandom();

  private ClusterBuses() {}

  /**
   * The bus for {@code uri} (null or blank: the single-node bus).
   *
   * @throws IllegalStateException if no provider on the class path serves the URI's scheme
   */
  public static ClusterBus forUri(String uri, String clusterName, ClassLoader loader) {
    String nodeId = newNodeId();
    if (uri == null || uri.isBlank()) {
      return new LocalBus(nodeId);
    }
    String scheme = scheme(uri);
    List<String> known = new ArrayList<>();
    for (ClusterBusProvider provider : ServiceLoader.load(ClusterBusProvider.class, loader)) {
      if (provider.schemes().contains(scheme)) {
        return provider.create(new ClusterSettings(uri, clusterName, nodeId));
      }
      known.addAll(provider.schemes());
    }
    throw new IllegalStateException(
        "no cluster bus for " + scheme + ":// on the class path: add "
            + artifactFor(scheme) + (known.isEmpty() ? "" : " (found buses for " + known + ")"));
  }

  private static String scheme(String uri) {
    int end = uri.indexOf("://");
    if (end <= 0) {
      throw new IllegalArgumentException(
          "bad value for switchboard.cluster (SWITCHBOARD_CLUSTER): \"" + uri
              + "\": expected a URI such as redis://127.0.0.1:6379");
    }
    return uri.substring(0, end).toLowerCase(Locale.ROOT);
  }

  private static String artifactFor(String scheme) {
    return scheme.startsWith("redis")
        ? "io.switchboard:switchboard-redis"
        : "the module of a cluster bus that serves " + scheme + "://";
  }

  /** 64 random bits, URL-safe: unique among the nodes of a cluster. */
  private static String newNodeId() {
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
