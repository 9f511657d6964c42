package io.switchboard.undertow.testing;

import io.switchboard.undertow.Switchboard;
import io.switchboard.undertow.SwitchboardServer;

/** A packaged app in miniature: starts with the default shutdown hook, prints its port, waits. */
public final class HookedServerMain {

  public static void main(String[] args) throws InterruptedException {
    SwitchboardServer server =
        Switchboard.server().port(0).host("127.0.0.1").endpoint(new TestDispatcher(), new TestEndpoint()).start();
    System.out.println("port " + server.port());
    System.out.flush();
    Thread.currentThread().join();
  }
}
