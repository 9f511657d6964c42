package io.switchboard.micrometer;

import io.switchboard.WsCommand;
import io.switchboard.WsEndpoint;
import io.switchboard.WsException;

/** An endpoint with one command that answers and one that refuses. */
@WsEndpoint("/metered")
public class MeteredEndpoint {

  @WsCommand
  String hello() {
    return "Hello, human";
  }

  @WsCommand
  void refuse() {
    throw new WsException("not_allowed", "no");
  }
}
