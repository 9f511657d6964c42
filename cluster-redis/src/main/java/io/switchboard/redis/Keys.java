package io.switchboard.redis;

import io.switchboard.undertow.cluster.Target;
import java.nio.charset.StandardCharsets;

/**
 * The names of every Redis key and channel of one cluster, all under the cluster name, so that two
 * apps sharing one Redis never see each other's.
 *
 * <pre>
 * {name}:{endpoint}:all               channel: pushes to every session of an endpoint
 * {name}:{endpoint}:room:{room}       channel: pushes to a room
 * {name}:{endpoint}:session:{id}      channel: pushes to one session
 * {name}:presence                     channel: "node X changed its presence entries"
 * {name}:nodes                        set: the ids of the nodes that have announced themselves
 * {name}:node:{node}                  hash: a node's presence entries; expires unless renewed
 * {name}:claims:{endpoint}            hash: unique claims, "attribute:value" → "node/session"
 * {name}:lease:{lease}                string: the node holding a lease; expires unless renewed
 * {name}:{endpoint}:history:{room}    hash: a room's history: its epoch and last offset
 * {name}:{endpoint}:stream:{room}     stream: a room's last pushes, entry id {offset}-0, capped
 * {name}:{endpoint}:away:{token}      hash: a recoverable session's node, id and principal, while
 *                                     open ("live"); once dropped, its record, then "moved"
 * </pre>
 */
final class Keys {

  private final String prefix;

  Keys(String clusterName) {
    this.prefix = clusterName + ":";
  }

  String channel(Target target) {
    return switch (target.kind()) {
      case ALL -> prefix + target.endpoint() + ":all";
      case ROOM -> prefix + target.endpoint() + ":room:" + target.name();
      case SESSION -> prefix + target.endpoint() + ":session:" + target.name();
    };
  }

  String history(Target room) {
    return prefix + room.endpoint() + ":history:" + room.name();
  }

  String stream(Target room) {
    return prefix + room.endpoint() + ":stream:" + room.name();
  }

  String away(String endpoint, String token) {
    return prefix + endpoint + ":away:" + token;
  }

  String presenceChannel() {
    return prefix + "presence";
  }

  String nodes() {
    return prefix + "nodes";
  }

  String node(String nodeId) {
    return prefix + "node:" + nodeId;
  }

  String claims(String endpoint) {
    return prefix + "claims:" + endpoint;
  }

  String lease(String name) {
    return prefix + "lease:" + name;
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
