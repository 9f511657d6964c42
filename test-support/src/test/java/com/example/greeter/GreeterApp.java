package com.example.greeter;

import io.switchboard.undertow.ServerBuilder;
import io.switchboard.undertow.Switchboard;
import io.switchboard.undertow.handshake.HandshakeRejection;
import io.switchboard.undertow.handshake.HandshakeRequest;
import java.util.Optional;

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

  /** Who is calling: {@code ?token=…} or an {@code Authorization: Bearer …} header; not mallory. */
  static void identify(HandshakeRequest request) {
    Optional<String> token = request.queryParam("token")
        .or(() -> request.header("Authorization").map(value -> value.replaceFirst("^Bearer ", "")));
    if (token.filter("mallory"::equals).isPresent()) {
      throw HandshakeRejection.forbidden("banned");
    }
    token.ifPresent(user -> request.attribute("user", user));
  }
}
