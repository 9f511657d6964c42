package com.example.testchat;

import io.switchboard.NonBlocking;
import io.switchboard.OnBinary;
import io.switchboard.OnText;
import io.switchboard.WsEndpoint;
import io.switchboard.WsSession;
import java.nio.ByteBuffer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Echoes every message back on the IO thread; {@code send N} instead sends N messages ({@code b0},
 * {@code b1}…) and then keeps the IO thread until {@link #release} is counted down (10 s at most),
 * to show what left while it was still running.
 */
@WsEndpoint("/echo-nb")
public class NonBlockingEchoEndpoint {

  public final CountDownLatch release = new CountDownLatch(1);

  @OnText
  @NonBlocking
  String echo(String text, WsSession session) throws InterruptedException {
    if (!text.startsWith("send ")) {
      return text;
    }
    int count = Integer.parseInt(text.substring("send ".length()));
    for (int i = 0; i < count; i++) {
      session.send("b" + i);
    }
    return release.await(10, TimeUnit.SECONDS) ? "released" : "not released";
  }

  @OnBinary
  @NonBlocking
  ByteBuffer echo(ByteBuffer data) {
    return data;
  }
}
