package com.example.greeter;

import io.switchboard.OnBinary;
import io.switchboard.OnText;
import io.switchboard.WsEndpoint;

/** Echoes text and binary messages unchanged: for the client's raw send and await methods. */
@WsEndpoint("/raw")
public class RawEchoEndpoint {

  @OnText
  String text(String text) {
    return text;
  }

  @OnBinary
  byte[] binary(byte[] data) {
    return data;
  }
}
