package com.example.chat;

import io.switchboard.undertow.SwitchboardServer;
import io.undertow.connector.ByteBufferPool;
import io.undertow.server.DefaultByteBufferPool;
import io.undertow.websockets.client.WebSocketClient;
import io.undertow.websockets.core.AbstractReceiveListener;
import io.undertow.websockets.core.BufferedTextMessage;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.xnio.IoFuture;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.Xnio;
import org.xnio.XnioWorker;

/**
 * The training run of the fast start (docs/deployment.md): starts the chat on a free loopback
 * port, serves the page, a chat command and an echo to itself, stops and exits. Run under {@code
 * -XX:ArchiveClassesAtExit} (or JDK 25's {@code -XX:AOTCacheOutput}), it leaves a class data
 * archive of every class a real start and first connection load:
 *
 * <pre>java -XX:ArchiveClassesAtExit=chat.jsa -cp switchboard-sample-chat.jar com.example.chat.WarmUp</pre>
 *
 * <p>Its own client is Undertow's WebSocket client and the JDK's plain {@code HttpURLConnection}:
 * classes the server mostly loads anyway. The JDK's {@code HttpClient} would put some 900 more in
 * the archive, its own and those of TLS, which every start from the archive would then load for
 * nothing.
 *
 * <p>Exits with 0 when every answer came, 1 otherwise (the archive is then still written, but the
 * run proved nothing).
 */
public final class WarmUp {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private WarmUp() {}

  public static void main(String[] args) throws Exception {
    if (System.getProperty("org.jboss.logging.provider") == null) {
      System.setProperty("org.jboss.logging.provider", "slf4j"); // as Main does
    }
    SwitchboardServer server =
        Main.start(new ChatOptions(0, "127.0.0.1", null, null, null, null, null, false));
    boolean served;
    try {
      served = exercise("http://127.0.0.1:" + server.port() + "/");
    } finally {
      server.stop(Duration.ofSeconds(5));
    }
    System.out.println(served ? "warm-up done" : "warm-up failed: an answer did not come");
    System.exit(served ? 0 : 1);
  }

  /** The page, a command on /chat and an echo on /echo: what a first visitor does. */
  private static boolean exercise(String base) throws Exception {
    HttpURLConnection page = (HttpURLConnection) URI.create(base).toURL().openConnection();
    page.setConnectTimeout((int) TIMEOUT.toMillis());
    page.setReadTimeout((int) TIMEOUT.toMillis());
    if (page.getResponseCode() != 200) {
      return false;
    }
    try (InputStream body = page.getInputStream()) {
      body.readAllBytes();
    }
    XnioWorker worker = Xnio.getInstance().createWorker(OptionMap.create(Options.WORKER_IO_THREADS, 1));
    try (DefaultByteBufferPool buffers = new DefaultByteBufferPool(false, 4096)) {
      String ws = base.replace("http://", "ws://");
      return answered(worker, buffers, ws + "chat", "{\"cmd\":\"hello\",\"id\":1}", "\"re\":1")
          && answered(worker, buffers, ws + "echo", "warm", "warm");
    } finally {
      worker.shutdownNow();
    }
  }

  /** Sends {@code text} and waits for a message containing {@code expected}. */
  private static boolean answered(
      XnioWorker worker, ByteBufferPool buffers, String uri, String text, String expected)
      throws IOException, InterruptedException {
    BlockingQueue<String> received = new LinkedBlockingQueue<>();
    IoFuture<WebSocketChannel> connecting =
        WebSocketClient.connectionBuilder(worker, buffers, URI.create(uri)).connect();
    if (connecting.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS) == IoFuture.Status.WAITING) {
      connecting.cancel();
      return false;
    }
    WebSocketChannel channel = connecting.get(); // throws what made it fail, if it did
    try {
      channel.getReceiveSetter().set(
          new AbstractReceiveListener() {
            @Override
            protected void onFullTextMessage(WebSocketChannel from, BufferedTextMessage message) {
              received.add(message.getData());
            }
          });
      channel.resumeReceives();
      WebSockets.sendTextBlocking(text, channel);
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      for (String message = ""; !message.contains(expected); ) {
        message = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        if (message == null) {
          return false;
        }
      }
      return true;
    } finally {
      WebSockets.sendCloseBlocking(1000, "warm", channel);
      channel.close();
    }
  }
}
