package io.switchboard.undertow.testing;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A test client on the JDK's {@code java.net.http.WebSocket}: collects every text message and the
 * close frame, and awaits them with timeouts.
 */
public final class WsClient implements AutoCloseable {

  public static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** The close frame the server sent. */
  public record Closed(int code, String reason) {}

  private final LinkedBlockingQueue<Object> messages = new LinkedBlockingQueue<>();
  private final CompletableFuture<Closed> closed = new CompletableFuture<>();
  private final WebSocket socket;

  private WsClient(HttpClient http, URI uri, Map<String, String> headers, String... subprotocols)
      throws Exception {
    WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(TIMEOUT);
    headers.forEach(builder::header);
    if (subprotocols.length > 0) {
      builder.subprotocols(subprotocols[0], java.util.Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
    }
    this.socket =
        builder.buildAsync(uri, new Listener()).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
  }

  public static WsClient connect(int port, String path) throws Exception {
    return new WsClient(HTTP, URI.create("ws://127.0.0.1:" + port + path), Map.of());
  }

  public static WsClient connect(URI uri, Map<String, String> headers, String... subprotocols)
      throws Exception {
    return new WsClient(HTTP, uri, headers, subprotocols);
  }

  public static WsClient connect(HttpClient http, URI uri) throws Exception {
    return new WsClient(http, uri, Map.of());
  }

  public static WsClient connect(HttpClient http, URI uri, Map<String, String> headers)
      throws Exception {
    return new WsClient(http, uri, headers);
  }

  public WebSocket socket() {
    return socket;
  }

  public WsClient send(String text) {
    join(socket.sendText(text, true));
    return this;
  }

  public WsClient sendBinary(byte[] data) {
    join(socket.sendBinary(ByteBuffer.wrap(data), true));
    return this;
  }

  /** The next text message; fails the test if none comes within the timeout. */
  public String next() throws InterruptedException {
    Object message = messages.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    assertNotNull(message, "no message within " + TIMEOUT);
    if (!(message instanceof String text)) {
      throw new AssertionError("expected a text message, got " + message);
    }
    return text;
  }

  /** The next binary message. */
  public byte[] nextBinary() throws InterruptedException {
    Object message = messages.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    assertNotNull(message, "no message within " + TIMEOUT);
    if (!(message instanceof byte[] bytes)) {
      throw new AssertionError("expected a binary message, got " + message);
    }
    return bytes;
  }

  /** A message if one arrives within {@code wait}, else null (for asserting that none came). */
  public Object poll(Duration wait) throws InterruptedException {
    return messages.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The server's close frame; fails the test if it does not come within the timeout. */
  public Closed awaitClose() throws Exception {
    try {
      return closed.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return fail("no close frame within " + TIMEOUT);
    }
  }

  public CompletableFuture<Closed> closed() {
    return closed;
  }

  @Override
  public void close() {
    if (!socket.isOutputClosed()) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }
    socket.abort();
  }

  private static void join(CompletableFuture<?> future) {
    try {
      future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException | ExecutionException | TimeoutException e) {
      throw new AssertionError("send failed", e);
    }
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder text = new StringBuilder();
    private java.io.ByteArrayOutputStream binary = new java.io.ByteArrayOutputStream();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        messages.add(text.toString());
        text.setLength(0);
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
      byte[] chunk = new byte[data.remaining()];
      data.get(chunk);
      binary.writeBytes(chunk);
      if (last) {
        messages.add(binary.toByteArray());
        binary = new java.io.ByteArrayOutputStream();
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
      closed.complete(new Closed(statusCode, reason));
      return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      closed.completeExceptionally(error);
    }
  }
}
