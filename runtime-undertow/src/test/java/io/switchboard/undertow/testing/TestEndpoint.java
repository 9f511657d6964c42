package io.switchboard.undertow.testing;

import io.switchboard.Broadcaster;
import io.switchboard.CloseReason;
import io.switchboard.WsException;
import io.switchboard.WsSession;
import java.nio.ByteBuffer;
import java.security.Principal;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The endpoint the runtime tests talk to; {@link TestDispatcher} is its dispatch table. */
public final class TestEndpoint {

  public final LinkedBlockingQueue<WsSession> opened = new LinkedBlockingQueue<>();
  public final LinkedBlockingQueue<CloseReason> closed = new LinkedBlockingQueue<>();
  public final LinkedBlockingQueue<Throwable> errors = new LinkedBlockingQueue<>();
  public final LinkedBlockingQueue<String> scheduledRuns = new LinkedBlockingQueue<>();
  /** Released by tests to let {@code block} return. */
  public final CountDownLatch gate = new CountDownLatch(1);
  /** Counted down when {@code block} starts waiting. */
  public final CountDownLatch blocked = new CountDownLatch(1);
  /** While positive, each scheduled tick throws (and counts down). */
  public final AtomicInteger tickFailures = new AtomicInteger();
  /** How long each scheduled tick takes. */
  public volatile long tickMillis;
  /** How long each {@code @OnClose} takes (an app that saves its state there). */
  public volatile long closeMillis;
  /** The most ticks seen running at once. */
  public final AtomicInteger maxConcurrentTicks = new AtomicInteger();
  private final AtomicInteger runningTicks = new AtomicInteger();

  String hello() {
    return "Hello, human";
  }

  String name(String name) {
    return "Hi " + name;
  }

  int add(TestCodecs.Pair pair) {
    return pair.a() + pair.b();
  }

  TestCodecs.Pair swap(TestCodecs.Pair pair) {
    return new TestCodecs.Pair(pair.b(), pair.a());
  }

  void crash() {
    throw new IllegalStateException("secret detail: password=hunter2");
  }

  void taken() {
    throw new WsException("name_taken", "that name is taken");
  }

  String block() throws InterruptedException {
    blocked.countDown();
    gate.await(30, TimeUnit.SECONDS);
    return "unblocked";
  }

  /** What the {@code pending} command returns: completed by the test, or never. */
  public final CompletableFuture<String> pending = new CompletableFuture<>();

  CompletionStage<String> pending() {
    return pending;
  }

  CompletionStage<String> later(int millis) {
    return CompletableFuture.supplyAsync(
        () -> "later " + millis, CompletableFuture.delayedExecutor(millis, TimeUnit.MILLISECONDS));
  }

  void touch() {}

  /** What the {@code stopServer} command runs; tests set it. */
  public volatile Runnable stopServer = () -> {};

  void stopServer() {
    stopServer.run();
  }

  String thread() {
    return Thread.currentThread().getName();
  }

  int echoInt(int n) {
    return n;
  }

  void join(WsSession session, String room) {
    session.join(room);
  }

  void leave(WsSession session, String room) {
    session.leave(room);
  }

  void shout(WsSession session, Broadcaster broadcaster, String text) {
    for (String room : session.rooms()) {
      broadcaster.toRoomExcept(room, session, "shout", text);
    }
  }

  String whoami(WsSession session) {
    return session.principal().map(Principal::getName).orElse("anonymous")
        + " " + session.attributes().getOrDefault("role", "none")
        + " " + session.subprotocol().orElse("-");
  }

  void lossy(WsSession session) {
    session.slowConsumerPolicy(io.switchboard.SlowConsumerPolicy.DROP_OLDEST);
  }

  void onOpen(WsSession session) {
    opened.add(session);
  }

  void onClose(CloseReason reason) {
    if (closeMillis > 0) {
      try {
        Thread.sleep(closeMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return; // cut short: not recorded
      }
    }
    closed.add(reason);
  }

  void onError(Throwable error) {
    errors.add(error);
  }

  ByteBuffer reverse(ByteBuffer data) {
    byte[] bytes = new byte[data.remaining()];
    data.get(bytes);
    for (int i = 0, j = bytes.length - 1; i < j; i++, j--) {
      byte b = bytes[i];
      bytes[i] = bytes[j];
      bytes[j] = b;
    }
    return ByteBuffer.wrap(bytes);
  }

  void tick(Broadcaster broadcaster) throws InterruptedException {
    int running = runningTicks.incrementAndGet();
    maxConcurrentTicks.accumulateAndGet(running, Math::max);
    try {
      scheduledRuns.add("tick");
      if (tickFailures.getAndDecrement() > 0) {
        throw new IllegalStateException("tick failed on purpose");
      }
      Thread.sleep(tickMillis);
      broadcaster.toAll("tick", "tock");
    } finally {
      runningTicks.decrementAndGet();
    }
  }
}
