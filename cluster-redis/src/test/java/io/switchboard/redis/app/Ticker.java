package io.switchboard.redis.app;

import io.switchboard.Broadcaster;
import io.switchboard.Every;
import io.switchboard.WsEndpoint;
import io.switchboard.WsMessage;
import java.util.concurrent.atomic.AtomicLong;

/** Pushes a tick to everyone: once per cluster, and per node to the node's own sessions. */
@WsEndpoint("/ticker")
public final class Ticker {

  @WsMessage
  public record Tick(String node, long seq) {}

  private final String node;
  private final AtomicLong clusterTicks = new AtomicLong();
  private final AtomicLong nodeTicks = new AtomicLong();

  /** Named after the host, as discovery creates it. */
  public Ticker() {
    this(System.getenv().getOrDefault("HOSTNAME", "node"));
  }

  public Ticker(String node) {
    this.node = node;
  }

  @Every("200ms")
  void tick(Broadcaster broadcaster) {
    broadcaster.toAll("tick", new Tick(node, clusterTicks.incrementAndGet()));
  }

  @Every(value = "200ms", scope = Every.Scope.NODE)
  void local(Broadcaster broadcaster) {
    broadcaster.toAll("local", new Tick(node, nodeTicks.incrementAndGet()));
  }
}
