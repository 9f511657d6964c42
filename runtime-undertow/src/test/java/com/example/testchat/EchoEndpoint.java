package com.example.testchat;

import io.switchboard.OnBinary;
import io.switchboard.OnText;
import io.switchboard.WsEndpoint;
import java.nio.ByteBuffer;

/** Echoes every message back unchanged, with no command parsing. */
@WsEndpoint("/echo")
public class EchoEndpoint {

  @OnText
  String echo(String text) {
    return text;
  }

  @OnBinary
  ByteBuffer echo(ByteBuffer data) {
    return data;
  }
}
