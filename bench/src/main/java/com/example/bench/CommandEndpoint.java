package com.example.bench;

import io.switchboard.WsCommand;
import io.switchboard.WsEndpoint;

/** The comparison's JSON command on the default dispatch: the handler runs on the worker pool. */
@WsEndpoint("/cmd")
public final class CommandEndpoint {

  @WsCommand("echo")
  EchoArgs echo(EchoArgs args) {
    return args;
  }
}
