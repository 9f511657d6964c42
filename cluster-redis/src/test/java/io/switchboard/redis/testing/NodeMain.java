package io.switchboard.redis.testing;

import io.switchboard.redis.app.ClusterChat;
import io.switchboard.undertow.Switchboard;
import io.switchboard.undertow.SwitchboardServer;

/**
 * A node in a process of its own, to be killed: {@code NodeMain <redis uri> <cluster name>}. Prints
 * {@code port=N} once it serves.
 */
public final class NodeMain {

  private NodeMain() {}

  public static void main(String[] args) {
    SwitchboardServer server =
        Switchboard.server()
            .port(0)
            .host("127.0.0.1")
            .handlerThreads(2)
            .ioThreads(1)
            .endpoint(new ClusterChat())
            .cluster(args[0])
            .clusterName(args[1])
            .start();
    System.out.println("port=" + server.port());
    System.out.flush();
  }
}
