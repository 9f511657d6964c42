package com.example.greeter;

import io.switchboard.undertow.ServerBuilder;
import io.switchboard.undertow.Switchboard;

/** How an app configures its server, for the extension to start in tests. */
public final class GreeterApp {

  private GreeterApp() {}

  public static ServerBuilder server() {
    return Switchboard.server()
        .port(8080)
        .endpoint(new GreeterEndpoint())
        .endpoint(new RawEchoEndpoint());
  }
}
