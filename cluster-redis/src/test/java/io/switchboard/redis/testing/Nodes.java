package io.switchboard.redis.testing;

import io.switchboard.test.WsTestClient;
import io.switchboard.undertow.ServerBuilder;
import io.switchboard.undertow.Switchboard;
import io.switchboard.undertow.SwitchboardServer;
import io.switchboard.redis.app.ClusterChat;
import io.switchboard.redis.app.Ticker;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Nodes of one cluster in this JVM, each on its own port, all stopped by {@link #close()}. */
public final class Nodes implements AutoCloseable {

  private final String redisUri;
  private final String clusterName;
  private final List<SwitchboardServer> servers = new ArrayList<>();
  private final List<WsTestClient> clients = new ArrayList<>();

  public Nodes(String redisUri, String clusterName) {
    this.redisUri = redisUri;
    this.clusterName = clusterName;
  }

  /** Starts a node serving {@code /cluster}. */
  public SwitchboardServer start() {
    return started(builder());
  }

  /**
   * Starts a node serving {@code /cluster} whose rooms {@code lobby} (2,000 pushes) and {@code
   * small-*} (5 pushes) keep history, with a recovery window of {@code window}.
   */
  public SwitchboardServer startWithHistory(Duration window) {
    return started(
        builder()
            .roomHistory("lobby", 2000, Duration.ofMinutes(2))
            .roomHistory("small-*", 5, Duration.ofMinutes(2))
            .recoveryWindow(window));
  }

  /** Starts a node serving {@code /cluster} and {@code /ticker}, whose ticks name {@code name}. */
  public SwitchboardServer startWithTicker(String name) {
    return started(builder().endpoint(new Ticker(name)));
  }

  private ServerBuilder builder() {
    return Switchboard.server()
        .port(0)
        .host("127.0.0.1")
        .handlerThreads(4)
        .ioThreads(1)
        .shutdownHook(false)
        .healthPath("/health")
        .endpoint(new ClusterChat())
        .cluster(redisUri)
        .clusterName(clusterName);
  }

  private SwitchboardServer started(ServerBuilder builder) {
    SwitchboardServer server = builder.start();
    servers.add(server);
    return server;
  }

  /** Waits until every node started so far reaches Redis. */
  public void awaitConnected() {
    for (SwitchboardServer server : servers) {
      Eventually.within(Duration.ofSeconds(10), "node " + server.nodeId() + " connected",
          () -> server.stats().clusterConnected());
    }
  }

  /** A client of {@code path} on {@code server}, closed with the nodes. */
  public WsTestClient connect(SwitchboardServer server, String path) {
    WsTestClient client =
        WsTestClient.builder(URI.create("ws://127.0.0.1:" + server.port() + path))
            .timeout(Duration.ofSeconds(15))
            .connect();
    clients.add(client);
    return client;
  }

  @Override
  public void close() {
    clients.forEach(WsTestClient::close);
    servers.forEach(server -> server.stop(Duration.ofSeconds(2)));
  }
}
