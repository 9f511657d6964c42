package com.example.chat;

import io.switchboard.OnBinary;
import io.switchboard.OnText;
import io.switchboard.WsEndpoint;

/**
 * The smallest endpoint: sends every text and binary message back unchanged, with no command
 * parsing. Useful to check a client or a proxy, and for conformance testing.
 */
@WsEndpoint("/echo")
public final class EchoEndpoint {

  @OnText
  String echo(String text) {
    return text;
  }

  @OnBinary
  byte[] echo(byte[] data) {
    return data;
  }
}
