package com.example.bench;

import io.switchboard.NonBlocking;
import io.switchboard.WsCommand;
import io.switchboard.WsEndpoint;

/** {@link CommandEndpoint} with the handler on the connection's IO thread. */
@WsEndpoint("/cmd-nb")
public final class NonBlockingCommandEndpoint {

  @NonBlocking
  @WsCommand("echo")
  EchoArgs echo(EchoArgs args) {
    return args;
  }
}
