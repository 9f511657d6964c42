package io.switchboard.undertow.cluster;

/**
 * What a {@link ClusterBusProvider} needs to make a bus.
 *
 * @param uri the {@code cluster} setting, e.g. {@code redis://127.0.0.1:6379}
 * @param clusterName the {@code cluster-name} setting: the prefix of every key and channel, so that
 *     apps sharing one server do not see each other
 * @param nodeId this node's id, unique in the cluster
 */
public record ClusterSettings(String uri, String clusterName, String nodeId) {}
