package io.switchboard.bench.fanout;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The JDK's {@code java.net.http.WebSocket}, every connection from one {@link HttpClient} (one
 * selector thread) with listener callbacks on a two-thread pool.
 */
final class JdkConnector implements Connector {

  private final ExecutorService callbacks =
      Executors.newFixedThreadPool(
          2,
          task -> {
            Thread thread = new Thread(task, "jdk-websocket-callbacks");
            thread.setDaemon(true);
            return thread;
          });
  private final HttpClient client = HttpClient.newBuilder().executor(callbacks).build();

  @Override
  public CompletableFuture<Void> connect(URI uri, Consumer<String> onText, Runnable onClose) {
    return client.newWebSocketBuilder().buildAsync(uri, new Listener(onText, onClose)).thenApply(ws -> null);
  }

  @Override
  public void close() {
    callbacks.shutdownNow();
  }

  /** Joins the fragments of a message; the server sends small messages in one frame anyway. */
  private static final class Listener implements WebSocket.Listener {
    private final Consumer<String> onText;
    private final Runnable onClose;
    private StringBuilder fragments;

    Listener(Consumer<String> onText, Runnable onClose) {
      this.onText = onText;
      this.onClose = onClose;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      onClose.run();
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      onClose.run();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      if (last && fragments == null) {
        onText.accept(data.toString());
      } else {
        if (fragments == null) {
          fragments = new StringBuilder();
        }
        fragments.append(data);
        if (last) {
          onText.accept(fragments.toString());
          fragments = null;
        }
      }
      webSocket.request(1);
      return null;
    }
  }
}
