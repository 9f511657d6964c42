package com.example.testchat;

import io.switchboard.NonBlocking;
import io.switchboard.OnBinary;
import io.switchboard.OnText;
import io.switchboard.WsEndpoint;
import io.switchboard.WsSession;
import java.nio.ByteBuffer;

/**
 * Echoes every message back on the IO thread; {@code burst N SIZE} instead sends N messages of
 * SIZE characters from the handler, before it returns.
 */
@WsEndpoint("/echo-nb")
public class NonBlockingEchoEndpoint {

  @OnText
  @NonBlocking
  String echo(String text, WsSession session) {
    if (!text.startsWith("burst ")) {
      return text;
    }
    String[] words = text.split(" ");
    int count = Integer.parseInt(words[1]);
    String message = "x".repeat(Integer.parseInt(words[2]));
    for (int i = 0; i < count; i++) {
      session.send(message);
    }
    return null;
  }

  @OnBinary
  @NonBlocking
  ByteBuffer echo(ByteBuffer data) {
    return data;
  }
}
