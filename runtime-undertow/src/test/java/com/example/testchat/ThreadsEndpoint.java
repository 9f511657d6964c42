package com.example.testchat;

import io.switchboard.NonBlocking;
import io.switchboard.OnBinary;
import io.switchboard.OnClose;
import io.switchboard.OnOpen;
import io.switchboard.OnText;
import io.switchboard.WsEndpoint;
import io.switchboard.WsSession;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** Tells on which thread each of its {@code @NonBlocking} handlers ran. */
@WsEndpoint("/threads")
public class ThreadsEndpoint {

  /** The thread names {@code @OnClose} ran on, one per closed session. */
  public final BlockingQueue<String> closedOn = new LinkedBlockingQueue<>();

  @OnOpen
  @NonBlocking
  void opened(WsSession session) {
    session.send("open " + Thread.currentThread().getName());
  }

  @OnText
  @NonBlocking
  String text(String text) {
    return text + " " + Thread.currentThread().getName();
  }

  @OnBinary
  @NonBlocking
  byte[] binary(byte[] data) {
    return Thread.currentThread().getName().getBytes(StandardCharsets.UTF_8);
  }

  @OnClose
  @NonBlocking
  void closed() {
    closedOn.add(Thread.currentThread().getName());
  }
}
