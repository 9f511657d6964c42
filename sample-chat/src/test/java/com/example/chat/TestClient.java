package com.example.chat;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A real WebSocket client (the JDK's) for the server tests. Received messages are kept in arrival
 * order; each {@code await…} takes the first one that matches and leaves the others, so that a
 * {@code temp} push arriving in the middle of a conversation never confuses a test.
 */
final class TestClient implements AutoCloseable {

  static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** A received message: {@code text} for a text message, {@code binary} for a binary one. */
  record Message(String text, byte[] binary) {
    JsonNode json() {
      try {
        return text != null && text.stripLeading().startsWith("{") ? JSON.readTree(text) : null;
      } catch (Exception e) {
        return null;
      }
    }

    boolean isEvent(String name) {
      JsonNode json = json();
      return json != null && json.path("event").asText("").equals(name);
    }

    boolean isEvent() {
      JsonNode json = json();
      return json != null && json.has("event");
    }
  }

  /** How the server closed the connection. */
  record Close(int code, String reason) {}

  private final LinkedList<Message> inbox = new LinkedList<>();
  private final CompletableFuture<Close> closed = new CompletableFuture<>();
  private final AtomicInteger ids = new AtomicInteger();
  private final WebSocket socket;

  private TestClient(URI uri) throws Exception {
    socket =
        HTTP.newWebSocketBuilder()
            .connectTimeout(TIMEOUT)
            .buildAsync(uri, new Listener())
            .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
  }

  static TestClient connect(URI uri) throws Exception {
    return new TestClient(uri);
  }

  /** Sends a text message as is. */
  void send(String text) throws Exception {
    socket.sendText(text, true).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
  }

  void sendBinary(byte[] data) throws Exception {
    socket.sendBinary(ByteBuffer.wrap(data), true).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Sends {@code {"cmd":cmd,"id":n,"data":data}} ({@code data} as raw JSON, or none when null)
   * and returns the reply with that id.
   */
  JsonNode call(String cmd, String data) throws Exception {
    int id = ids.incrementAndGet();
    send("{\"cmd\":\"" + cmd + "\",\"id\":" + id + (data == null ? "" : ",\"data\":" + data) + "}");
    return awaitJson(json -> json.path("re").asInt(-1) == id && json.has("cmd"));
  }

  /** Sends a text line and returns the next text message that is not an event push. */
  String line(String line) throws Exception {
    send(line);
    return awaitReply();
  }

  /** The next text message that is not an event push: the reply to a text line. */
  String awaitReply() throws InterruptedException {
    return await(message -> message.text() != null && !message.isEvent(), "a reply").text();
  }

  /** The data of the next push of this event. */
  JsonNode awaitEvent(String event) throws InterruptedException {
    return await(message -> message.isEvent(event), "the event " + event).json().path("data");
  }

  /** The data of the next push of this event about the session {@code id} (its {@code data.id}). */
  JsonNode awaitEvent(String event, String id) throws InterruptedException {
    return await(
            message -> message.isEvent(event) && message.json().path("data").path("id").asText().equals(id),
            "the event " + event + " about " + id)
        .json()
        .path("data");
  }

  /** The next JSON text message that matches. */
  JsonNode awaitJson(Predicate<JsonNode> matches) throws InterruptedException {
    return await(message -> message.json() != null && matches.test(message.json()), "a matching JSON message").json();
  }

  byte[] awaitBinary() throws InterruptedException {
    return await(message -> message.binary() != null, "a binary message").binary();
  }

  /** Takes the first message received so far or within {@link #TIMEOUT} that matches. */
  Message await(Predicate<Message> matches, String what) throws InterruptedException {
    return await(matches, what, TIMEOUT);
  }

  /** Takes the first message received so far or within {@code timeout} that matches. */
  synchronized Message await(Predicate<Message> matches, String what, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      for (Iterator<Message> it = inbox.iterator(); it.hasNext(); ) {
        Message message = it.next();
        if (matches.test(message)) {
          it.remove();
          return message;
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return fail("no " + what + " within " + timeout + "; received meanwhile: " + received());
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
  }

  /** The messages received and not taken yet, for assertions and failure messages. */
  synchronized List<String> received() {
    List<String> texts = new ArrayList<>();
    inbox.forEach(message -> texts.add(message.text() != null ? message.text() : message.binary().length + " bytes"));
    return texts;
  }

  /** Waits for the server's close frame. */
  Close awaitClose() throws Exception {
    return closed.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    if (!socket.isOutputClosed()) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "");
    }
    socket.abort();
  }

  private synchronized void received(Message message) {
    inbox.add(message);
    notifyAll();
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder text = new StringBuilder();
    private final java.io.ByteArrayOutputStream binary = new java.io.ByteArrayOutputStream();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        received(new Message(text.toString(), null));
        text.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
      byte[] bytes = new byte[data.remaining()];
      data.get(bytes);
      binary.writeBytes(bytes);
      if (last) {
        received(new Message(null, binary.toByteArray()));
        binary.reset();
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closed.complete(new Close(statusCode, reason));
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closed.completeExceptionally(error);
    }
  }
}
