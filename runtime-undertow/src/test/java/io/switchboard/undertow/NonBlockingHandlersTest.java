package io.switchboard.undertow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.testchat.HoldingEndpoint;
import com.example.testchat.NonBlockingEchoEndpoint;
import com.example.testchat.ThreadsEndpoint;
import io.switchboard.undertow.testing.RawWebSocket;
import io.switchboard.undertow.testing.WsClient;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code @NonBlocking} on {@code @OnOpen}, {@code @OnText}, {@code @OnBinary} and {@code @OnClose}
 * runs them on the connection's IO thread: with every handler of the endpoint there, nothing of
 * the session is ever ahead of them on the pool, not even for a handler the endpoint does not have.
 */
class NonBlockingHandlersTest {

  private static final String IO_THREAD = "I/O";

  @Test
  void nonBlockingLifecycleTextAndBinaryHandlersRunOnTheIoThread() throws Exception {
    ThreadsEndpoint endpoint = new ThreadsEndpoint();
    try (SwitchboardServer server =
            Switchboard.server().port(0).host("127.0.0.1").shutdownHook(false).endpoint(endpoint).start()) {
      try (WsClient client = WsClient.connect(server.port(), "/threads")) {
        String open = client.next();
        assertTrue(open.startsWith("open ") && open.contains(IO_THREAD), open);
        for (int i = 0; i < 20; i++) {
          client.send("m" + i);
          String text = client.next();
          assertTrue(text.startsWith("m" + i + " ") && text.contains(IO_THREAD), text);
        }
        client.sendBinary(new byte[] {1, 2, 3});
        String binary = new String(client.nextBinary(), StandardCharsets.UTF_8);
        assertTrue(binary.contains(IO_THREAD), binary);
      }
      String closed = endpoint.closedOn.poll(WsClient.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      assertTrue(closed != null && closed.contains(IO_THREAD), "@OnClose ran on " + closed);
    }
  }

  /**
   * An endpoint whose message handlers are all {@code @NonBlocking} and that has no {@code
   * @OnOpen} answers its first message on the IO thread: no empty {@code @OnOpen} task is queued
   * on the pool ahead of it. Here the pool's one thread is held by another endpoint's handler the
   * whole time.
   */
  @Test
  void withoutOnOpenTheFirstMessageOfANonBlockingEndpointWaitsForNoWorker() throws Exception {
    HoldingEndpoint held = new HoldingEndpoint();
    try (SwitchboardServer server =
            Switchboard.server().port(0).host("127.0.0.1").shutdownHook(false).handlerThreads(1)
                .endpoint(new NonBlockingEchoEndpoint()).endpoint(held).start();
        WsClient holder = WsClient.connect(server.port(), "/hold")) {
      holder.send("hold");
      try {
        assertTrue(held.holding.await(WsClient.TIMEOUT.toSeconds(), TimeUnit.SECONDS), "the pool is held");
        try (WsClient echo = WsClient.connect(server.port(), "/echo-nb")) {
          echo.send("first");
          assertEquals("first", echo.next());
        }
      } finally {
        held.release.countDown();
      }
      assertEquals("hold", holder.next());
    }
  }

  /**
   * A transport error on an endpoint without {@code @OnError} has nothing to run, so nothing is
   * queued for it: the {@code @NonBlocking @OnClose} that follows still runs on the IO thread, here
   * while the pool's one thread is held by another endpoint's handler (once, a no-op error task
   * waited there and took {@code @OnClose} with it).
   */
  @Test
  void aTransportErrorWithoutOnErrorPutsNothingAheadOfANonBlockingOnClose() throws Exception {
    ThreadsEndpoint threads = new ThreadsEndpoint();
    HoldingEndpoint held = new HoldingEndpoint();
    try (SwitchboardServer server =
            Switchboard.server().port(0).host("127.0.0.1").shutdownHook(false).handlerThreads(1)
                .endpoint(threads).endpoint(held).start();
        WsClient holder = WsClient.connect(server.port(), "/hold")) {
      holder.send("hold");
      try {
        assertTrue(held.holding.await(WsClient.TIMEOUT.toSeconds(), TimeUnit.SECONDS), "the pool is held");
        try (RawWebSocket raw = RawWebSocket.upgrade(server.port(), "/threads")) {
          String open = raw.read().text();
          assertTrue(open.startsWith("open ") && open.contains(IO_THREAD), open);
          raw.sendRaw(true, 0b100, RawWebSocket.TEXT, "x".getBytes(StandardCharsets.UTF_8), true); // RSV1: 1002
          String closed = threads.closedOn.poll(WsClient.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
          assertTrue(closed != null && closed.contains(IO_THREAD), "@OnClose ran on " + closed);
        }
      } finally {
        held.release.countDown();
      }
      assertEquals("hold", holder.next());
    }
  }
}
