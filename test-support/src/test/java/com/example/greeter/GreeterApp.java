package com.example.greeter;

import io.switchboard.undertow.ServerBuilder;
import io.switchboard.undertow.Switchboard;
import io.switchboard.undertow.handshake.HandshakeRequest;

/** How an app configures its server, for the extension to start in tests. */
public final class GreeterApp {

  private GreeterApp() {}

  public static ServerBuilder server() {
    return Switchboard.server()
        .port(8080)
        .handshakeHook(GreeterApp::identify)
        .endpoint(new GreeterEndpoint())
        .endpoint(new RawEchoEndpoint());
  }

  /** Who is calling: {@code ?token=…} or an {@code Authorization: Bearer …} header, if any. */
  static void identify(HandshakeRequest request) {
    request.queryParam("token")
        .or(() -> request.header("Authorization").map(value -> value.replaceFirst("^Bearer ", "")))
        .ifPresent(token -> request.attribute("user", token));
  }
}
