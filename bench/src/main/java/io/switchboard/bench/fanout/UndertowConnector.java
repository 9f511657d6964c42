package io.switchboard.bench.fanout;

import io.undertow.connector.ByteBufferPool;
import io.undertow.server.DefaultByteBufferPool;
import io.undertow.websockets.client.WebSocketClient;
import io.undertow.websockets.core.AbstractReceiveListener;
import io.undertow.websockets.core.BufferedTextMessage;
import io.undertow.websockets.core.WebSocketChannel;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.xnio.IoFuture;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.Xnio;
import org.xnio.XnioWorker;

/**
 * Undertow's own WebSocket client on an XNIO worker: two IO threads multiplex every connection,
 * and read buffers come from a pool, so an idle connection costs little more than its socket.
 */
public final class UndertowConnector implements Connector {

  private final XnioWorker worker;
  private final ByteBufferPool buffers = new DefaultByteBufferPool(true, 4096);

  public UndertowConnector() throws IOException {
    worker =
        Xnio.getInstance()
            .createWorker(
                OptionMap.builder()
                    .set(Options.WORKER_IO_THREADS, 2)
                    .set(Options.WORKER_TASK_CORE_THREADS, 1)
                    .set(Options.WORKER_TASK_MAX_THREADS, 1)
                    .set(Options.TCP_NODELAY, true)
                    .getMap());
  }

  @Override
  public CompletableFuture<Void> connect(URI uri, Consumer<String> onText, Runnable onClose) {
    return open(uri, onText, closed -> onClose.run()).thenApply(channel -> null);
  }

  /**
   * Opens one connection as {@link #connect} does, for a client that also sends: completes with
   * its channel, and {@code onClose} gets the channel once it closes (with the close code and
   * reason it received, if any).
   */
  public CompletableFuture<WebSocketChannel> open(
      URI uri, Consumer<String> onText, Consumer<WebSocketChannel> onClose) {
    CompletableFuture<WebSocketChannel> opened = new CompletableFuture<>();
    WebSocketClient.connectionBuilder(worker, buffers, uri)
        .connect()
        .addNotifier(
            new IoFuture.HandlingNotifier<WebSocketChannel, Void>() {
              @Override
              public void handleDone(WebSocketChannel channel, Void attachment) {
                channel.addCloseTask(onClose::accept);
                channel.getReceiveSetter().set(new Listener(onText));
                channel.resumeReceives();
                opened.complete(channel);
              }

              @Override
              public void handleFailed(IOException failure, Void attachment) {
                opened.completeExceptionally(failure);
              }

              @Override
              public void handleCancelled(Void attachment) {
                opened.cancel(false);
              }
            },
            null);
    return opened;
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }

  private static final class Listener extends AbstractReceiveListener {
    private final Consumer<String> onText;

    Listener(Consumer<String> onText) {
      this.onText = onText;
    }

    @Override
    protected void onFullTextMessage(WebSocketChannel channel, BufferedTextMessage message) {
      onText.accept(message.getData());
    }
  }
}
