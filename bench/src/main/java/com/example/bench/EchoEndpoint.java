package com.example.bench;

import io.switchboard.OnText;
import io.switchboard.WsEndpoint;

/** The comparison's echo: every text message goes back as it came, on the default dispatch. */
@WsEndpoint("/echo")
public final class EchoEndpoint {

  @OnText
  String echo(String text) {
    return text;
  }
}
