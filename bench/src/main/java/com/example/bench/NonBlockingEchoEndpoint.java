package com.example.bench;

import io.switchboard.NonBlocking;
import io.switchboard.OnText;
import io.switchboard.WsEndpoint;

/** {@link EchoEndpoint} with the handler on the connection's IO thread. */
@WsEndpoint("/echo-nb")
public final class NonBlockingEchoEndpoint {

  @NonBlocking
  @OnText
  String echo(String text) {
    return text;
  }
}
