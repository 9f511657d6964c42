package io.switchboard.test;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.CloseReason;
import io.switchboard.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;

/**
 * A WebSocket client for tests of Switchboard endpoints, on the JDK's {@link WebSocket}. It speaks
 * both message forms of {@code docs/protocol.md}: {@link #call(String, Object)} sends a JSON
 * envelope and returns the {@code data} of the reply with the same id, {@link #callText(String)}
 * sends a text line and returns the text reply. Server pushes are kept until {@link
 * #awaitEvent(String)} takes them, so nothing that arrives while a test waits for something else is
 * lost.
 *
 * <pre>{@code
 * try (WsTestClient client = WsTestClient.connect(URI.create("ws://localhost:8080/chat"))) {
 *   assertEquals("Hello, human", client.call("hello").asText());
 *   client.call("say", Map.of("text", "hi"));
 *   assertEquals("hi", client.awaitEvent("chat").get("text").asText());
 * }
 * }</pre>
 *
 * <p>Payloads are written, and typed replies read, with the app's own codecs where there is one
 * for the type (else with Jackson databind); numbers keep every digit and their scale both ways, so
 * {@code new BigDecimal("12.50")} arrives as {@code 12.50} and a reply's {@code 2E+2} reads back as
 * {@code 2E+2}.
 *
 * <p>Every wait has a deadline (the {@linkplain Builder#timeout(Duration) client's timeout}, 10 s
 * by default, or the one passed) and fails with an {@link AssertionError} that lists what was
 * received meanwhile; a wait fails at once when the connection closes. The client is thread-safe;
 * each message is taken by exactly one wait.
 */
public final class WsTestClient implements AutoCloseable {

  /** How long a wait lasts when the builder sets no timeout. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private final URI uri;
  private final WebSocket webSocket;
  private final Inbox inbox;
  private final Duration timeout;
  private final Builder builder;
  private final RecoveryState recovery;
  private final AtomicLong nextId = new AtomicLong(1);
  private final Object sendLock = new Object();

  private WsTestClient(
      URI uri, WebSocket webSocket, Inbox inbox, Duration timeout, Builder builder, RecoveryState recovery) {
    this.uri = uri;
    this.webSocket = webSocket;
    this.inbox = inbox;
    this.timeout = timeout;
    this.builder = builder;
    this.recovery = recovery;
  }

  /**
   * Connects with no {@code Origin} header, no subprotocol and the default timeout.
   *
   * @throws WsHandshakeException if the server refuses the upgrade
   * @throws UncheckedIOException if nothing answers at {@code uri}
   */
  public static WsTestClient connect(URI uri) {
    return builder(uri).connect();
  }

  /** Starts configuring a connection: origin, subprotocols, headers, timeout. */
  public static Builder builder(URI uri) {
    return new Builder(uri);
  }

  /** {@link #call(String, Object)} for a command that takes no payload. */
  public JsonNode call(String command) {
    return call(command, null);
  }

  /**
   * Sends {@code {"cmd":command,"id":n,"data":data}} and waits for the reply with {@code "re":n}.
   *
   * @param data the payload: a record, a {@code Map}, a {@code String}, a {@link JsonNode}…,
   *     written with the app's codec for its class if there is one, else by Jackson databind;
   *     {@code BigDecimal}s and {@code BigInteger}s are written exactly; null sends no {@code data}
   * @return the reply's {@code data}, numbers exact ({@code DecimalNode}s for decimals); a {@link
   *     com.fasterxml.jackson.databind.node.MissingNode} when the command returns nothing
   * @throws ErrorReplyException if the server answers with an error reply
   * @throws AssertionError if no reply comes within the client's timeout
   */
  public JsonNode call(String command, Object data) {
    return call(command, data, timeout);
  }

  /** {@link #call(String, Object)} with its own timeout. */
  public JsonNode call(String command, Object data, Duration timeout) {
    long id = nextId.getAndIncrement();
    send(envelope(command, id, data));
    String what = "reply to " + command + " (id " + id + ")";
    JsonNode reply = inbox.take(m -> m.isReplyTo(id), timeout, what).json();
    if (reply.has("error")) {
      throw new ErrorReplyException(command, reply);
    }
    return reply.path("data");
  }

  /**
   * {@link #call(String, Object)} whose reply is read as {@code replyType} with the app's codec
   * for it, exactly as the app's own code would read that JSON:
   *
   * <pre>{@code Bid best = client.call("bid", new Bid("lamp", new BigDecimal("12.50")), Bid.class);}</pre>
   *
   * @throws AssertionError if the reply does not decode as {@code replyType}
   */
  public <T> T call(String command, Object data, Class<T> replyType) {
    return AppJson.read(call(command, data), replyType);
  }

  private static String envelope(String command, long id, Object data) {
    byte[] json =
        Json.writeBytes(
        generator -> {
          generator.writeStartObject();
          generator.writeStringField("cmd", command);
          generator.writeNumberField("id", id);
          if (data != null) {
            generator.writeFieldName("data");
            generator.writeRawValue(AppJson.write(data));
          }
          generator.writeEndObject();
        });
    return new String(json, StandardCharsets.UTF_8);
  }

  /**
   * Sends a text line ({@code "name Tony"}) and returns the reply as the server sent it: the next
   * message that is neither a server push nor a reply envelope to a {@link #call}. A String result
   * comes as is ({@code "Hello, human"}), any other value as its JSON ({@code "[1,2]"}).
   *
   * @throws ErrorReplyException if the server answers with an error, which in the text-line form is
   *     the JSON error envelope without {@code re}
   * @throws AssertionError if no reply comes within the client's timeout, as for a command that
   *     returns nothing: {@link #send(String)} such a line instead
   */
  public String callText(String line) {
    send(line);
    String what = "text reply to \"" + line + "\"";
    Received reply =
        inbox.take(m -> !m.isBinary() && !m.isAnyEvent() && !m.isReply(), timeout, what);
    if (reply.isError()) {
      throw new ErrorReplyException(reply.json().get("cmd").asText(), reply.json());
    }
    return reply.text();
  }

  /** Sends one text message as is. */
  public void send(String text) {
    Objects.requireNonNull(text, "text");
    synchronized (sendLock) {
      await(webSocket.sendText(text, true), "sending a text message");
    }
  }

  /** Sends one binary message. */
  public void sendBinary(byte[] data) {
    synchronized (sendLock) {
      await(webSocket.sendBinary(ByteBuffer.wrap(data.clone()), true), "sending a binary message");
    }
  }

  /** Waits for the next push of {@code event} and returns its {@code data}. */
  public JsonNode awaitEvent(String event) {
    return awaitEvent(event, timeout);
  }

  /**
   * Waits up to {@code timeout} for the next push {@code {"event":event,…}} and returns its {@code
   * data}. Pushes of other events stay queued.
   */
  public JsonNode awaitEvent(String event, Duration timeout) {
    return inbox
        .take(m -> m.isEvent(event), timeout, "event \"" + event + "\"")
        .json()
        .path("data");
  }

  /** {@link #awaitEvent(String)} with the push's {@code data} read as {@code type}, as by {@link #call(String, Object, Class)}. */
  public <T> T awaitEvent(String event, Class<T> type) {
    return AppJson.read(awaitEvent(event), type);
  }

  /** Waits for the next text message of any kind, push or reply, and returns it as is. */
  public String awaitText() {
    return awaitText(timeout);
  }

  /** {@link #awaitText()} with its own timeout. */
  public String awaitText(Duration timeout) {
    return inbox.take(m -> !m.isBinary(), timeout, "text message").text();
  }

  /** Waits for the next binary message. */
  public byte[] awaitBinary() {
    return inbox.take(Received::isBinary, timeout, "binary message").binary();
  }

  /**
   * Waits until the server closes the connection and returns its close code and reason; a
   * connection that drops without a close frame gives 1006.
   */
  public CloseReason awaitClose() {
    return awaitClose(timeout);
  }

  /** {@link #awaitClose()} with its own timeout. */
  public CloseReason awaitClose(Duration timeout) {
    return inbox.awaitEnd(timeout);
  }

  /** The subprotocol the server selected, or empty when none was. */
  public String subprotocol() {
    return webSocket.getSubprotocol();
  }

  /** Whether the connection is still open (no close frame received, no error). */
  public boolean isOpen() {
    return !inbox.hasEnded();
  }

  /**
   * Waits for the {@code $session} push of a {@linkplain Builder#recoverable() recoverable}
   * connection and returns its {@code data}: {@code id}, {@code token}, {@code recovered} and, per
   * room, whether it came back ({@code docs/protocol.md}, "Recovery").
   */
  public JsonNode awaitSession() {
    return awaitEvent("$session");
  }

  /**
   * Comes back after a dropped connection, as a recovering client does: drops this connection if
   * it is still up, and opens a new one with the same settings that presents the token of the last
   * {@code $session} push and the offset of the last push received from each room. The server
   * replays what was missed; {@link #awaitSession()} on the new client tells what came back. Pushes
   * this client received and no test took stay with it.
   *
   * @throws IllegalStateException if this client was not built {@linkplain Builder#recoverable()
   *     recoverable} or has received no {@code $session} push
   */
  public WsTestClient reconnectAndRecover() {
    if (recovery == null || recovery.token() == null) {
      throw new IllegalStateException("no $session token: build the client with recoverable()");
    }
    webSocket.abort();
    RecoveryState state = recovery.copy();
    return builder.open(withQuery(builder.uri,
        "recover=" + encode(state.token()) + "&offsets=" + encode(state.offsetsJson())), state);
  }

  private static String encode(String value) {
    return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static URI withQuery(URI uri, String query) {
    String text = uri.toString();
    return URI.create(text + (uri.getRawQuery() == null ? "?" : "&") + query);
  }

  /** The URI this client connected to. */
  public URI uri() {
    return uri;
  }

  /**
   * Closes with 1000 and waits for the server's close frame; drops the connection if it does not
   * come within the timeout. Does nothing if the connection has already ended.
   */
  @Override
  public void close() {
    close(CloseReason.NORMAL_CLOSURE, "");
  }

  /** Closes with this code and reason; see {@link #close()}. */
  public void close(int code, String reason) {
    if (inbox.hasEnded()) {
      webSocket.abort();
      return;
    }
    try {
      synchronized (sendLock) {
        webSocket.sendClose(code, reason).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      }
      inbox.awaitEnd(timeout);
    } catch (ExecutionException | TimeoutException | AssertionError e) {
      // The server vanished or never answered the close: nothing left to be polite to.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      webSocket.abort();
    }
  }

  @Override
  public String toString() {
    return "WsTestClient[" + uri + "]";
  }

  private void await(CompletableFuture<?> future, String what) {
    try {
      future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new UncheckedIOException(
          new IOException(what + " to " + uri + " failed: " + e.getCause(), e.getCause()));
    } catch (TimeoutException e) {
      throw new AssertionError(
          what + " to " + uri + " took longer than " + timeout.toMillis() + " ms");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while " + what, e);
    }
  }

  /** How to connect: headers, subprotocols and the timeout of every wait. */
  public static final class Builder {

    private final URI uri;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final List<String> subprotocols = new ArrayList<>();
    private Duration timeout = DEFAULT_TIMEOUT;
    private SSLContext sslContext;
    private boolean recoverable;

    private Builder(URI uri) {
      this.uri = Objects.requireNonNull(uri, "uri");
    }

    /**
     * Sends this {@code Origin} header, as a browser on that site would. Without it the request has
     * none, like a non-browser client.
     */
    public Builder origin(String origin) {
      return header("Origin", origin);
    }

    /** Offers these subprotocols in {@code Sec-WebSocket-Protocol}, most preferred first. */
    public Builder subprotocols(String... subprotocols) {
      this.subprotocols.addAll(List.of(subprotocols));
      return this;
    }

    /** Adds a header to the handshake request ({@code Authorization}, a cookie…). */
    public Builder header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    /** The deadline of the handshake and of every wait that is not given its own. */
    public Builder timeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive: " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * For {@code wss://} to a server whose certificate the JVM does not trust, such as a
     * self-signed one in a test: a context whose trust managers accept it. Without it, such a
     * handshake fails with an {@link UncheckedIOException} caused by an {@code
     * SSLHandshakeException}, as a browser refuses it.
     */
    public Builder sslContext(SSLContext sslContext) {
      this.sslContext = Objects.requireNonNull(sslContext, "sslContext");
      return this;
    }

    /**
     * Asks for session recovery ({@code ?recover=} on the URI): the server sends a {@code
     * $session} push first and keeps the session for a while when the connection drops, so that
     * {@link WsTestClient#reconnectAndRecover()} can come back to it.
     */
    public Builder recoverable() {
      this.recoverable = true;
      return this;
    }

    /**
     * Opens the connection.
     *
     * @throws WsHandshakeException if the server refuses the upgrade with an HTTP status
     * @throws UncheckedIOException if the connection cannot be made
     */
    public WsTestClient connect() {
      return recoverable ? open(withQuery(uri, "recover="), new RecoveryState()) : open(uri, null);
    }

    private WsTestClient open(URI uri, RecoveryState recovery) {
      Inbox inbox = new Inbox(recovery == null ? message -> {} : recovery::seen);
      HttpClient http =
          sslContext == null
              ? SharedHttpClient.INSTANCE
              : HttpClient.newBuilder().sslContext(sslContext).build();
      WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(timeout);
      headers.forEach(builder::header);
      if (!subprotocols.isEmpty()) {
        builder.subprotocols(
            subprotocols.get(0),
            subprotocols.subList(1, subprotocols.size()).toArray(String[]::new));
      }
      try {
        WebSocket webSocket =
            builder
                .buildAsync(uri, new InboxListener(inbox, AppJson.MAPPER))
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return new WsTestClient(uri, webSocket, inbox, timeout, this, recovery);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof WebSocketHandshakeException refused) {
          throw new WsHandshakeException(
              uri.toString(), refused.getResponse().statusCode(), refused);
        }
        throw new UncheckedIOException(
            new IOException("cannot connect to " + uri + ": " + e.getCause(), e.getCause()));
      } catch (TimeoutException e) {
        throw new UncheckedIOException(
            new IOException(
                "no handshake answer from " + uri + " within " + timeout.toMillis() + " ms"));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while connecting to " + uri, e);
      }
    }
  }

  /** One client for every connection: each {@link HttpClient} owns a selector thread. */
  private static final class SharedHttpClient {
    static final HttpClient INSTANCE = HttpClient.newHttpClient();
  }
}
