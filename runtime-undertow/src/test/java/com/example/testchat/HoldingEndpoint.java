package com.example.testchat;

import io.switchboard.OnText;
import io.switchboard.WsEndpoint;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Keeps a handler thread busy: its {@code @OnText} returns only once {@link #release} is counted down. */
@WsEndpoint("/hold")
public class HoldingEndpoint {

  /** Counted down when a message is being held. */
  public final CountDownLatch holding = new CountDownLatch(1);
  public final CountDownLatch release = new CountDownLatch(1);

  @OnText
  String hold(String text) throws InterruptedException {
    holding.countDown();
    release.await(30, TimeUnit.SECONDS);
    return text;
  }
}
