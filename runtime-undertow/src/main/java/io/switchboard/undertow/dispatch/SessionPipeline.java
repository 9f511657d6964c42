package io.switchboard.undertow.dispatch;

import io.switchboard.CloseReason;
import io.switchboard.CommandInfo;
import io.switchboard.WsException;
import io.switchboard.json.Codecs;
import io.switchboard.json.JsonDecodeException;
import io.switchboard.spi.DispatchResult;
import io.switchboard.spi.EndpointDispatcher.Handler;
import io.switchboard.spi.Envelope;
import io.switchboard.spi.HandlerContext;
import io.switchboard.undertow.StatusCodes;
import io.switchboard.undertow.send.OutboundMessage;
import io.switchboard.undertow.session.Heartbeat;
import io.switchboard.undertow.session.RateLimiter;
import io.switchboard.undertow.session.ServerSession;
import io.switchboard.undertow.wire.Replies;
import io.undertow.websockets.core.AbstractReceiveListener;
import io.undertow.websockets.core.BufferedBinaryMessage;
import io.undertow.websockets.core.CloseMessage;
import io.undertow.websockets.core.StreamSourceFrameChannel;
import io.undertow.websockets.core.WebSocketCallback;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.IoUtils;
import org.xnio.Pooled;

/**
 * One session's way from frame to reply: rate limit → envelope → the session's ordered executor
 * → the generated dispatcher → a reply kept in request order. Frames arrive on the connection's
 * IO thread; handlers run on the worker pool, or inline for {@code @NonBlocking} ones.
 */
final class SessionPipeline<E> extends AbstractReceiveListener {

  private static final Logger LOG = LoggerFactory.getLogger(SessionPipeline.class);

  /** Messages waiting for their handler before the session stops reading from its socket. */
  private static final int MAX_BACKLOG = 64;

  /** The error code, in the errors meter, of a broken frame or connection. */
  private static final String TRANSPORT_ERROR = "transport";

  /** The outcome of a command that got its reply, in the command-duration meter. */
  private static final String COMMAND_OK = "ok";

  private final EndpointRuntime<E> endpoint;
  private final ServerSession session;
  private final HandlerContext context;
  private final OrderedExecutor executor;
  private final ReplyOrder replies;
  private RateLimiter rateLimiter; // IO thread only; made with the first message, if limited
  private final Heartbeat heartbeat;
  private final String recoveryToken;
  private final AtomicBoolean ended = new AtomicBoolean();
  private int backlog; // guarded by this
  private boolean receivesSuspended; // guarded by this
  private boolean closeFrameArrived; // IO thread only

  /** Completes the buffered read of a text message; one per session, the message is its context. */
  private final WebSocketCallback<BufferedBinaryMessage> textRead =
      new WebSocketCallback<>() {
        @Override
        public void complete(WebSocketChannel channel, BufferedBinaryMessage message) {
          Pooled<ByteBuffer[]> data = message.getData();
          ByteBuffer utf8;
          try {
            utf8 = WebSockets.mergeBuffers(data.getResource()); // a heap buffer of exactly its size
          } finally {
            data.free();
          }
          onFullText(new String(utf8.array(), 0, utf8.remaining(), StandardCharsets.UTF_8), utf8.remaining());
        }

        @Override
        public void onError(WebSocketChannel channel, BufferedBinaryMessage message, Throwable error) {
          message.getData().free();
          SessionPipeline.this.onError(channel, error);
        }
      };

  /**
   * @param recoveryToken the token that recovers this session after a dropped connection, or null
   *     when its client did not ask for recovery
   */
  SessionPipeline(EndpointRuntime<E> endpoint, ServerSession session, String recoveryToken) {
    this.endpoint = endpoint;
    this.session = session;
    this.recoveryToken = recoveryToken;
    this.context = new SessionContext(endpoint, session);
    this.executor = new OrderedExecutor(endpoint.workers());
    this.replies = new ReplyOrder(session, this::repliesDelivered);
    var config = endpoint.config();
    this.heartbeat =
        new Heartbeat(session, config.pingInterval(), config.pongTimeout(), config.idleTimeout());
  }

  ServerSession session() {
    return session;
  }

  String recoveryToken() {
    return recoveryToken;
  }

  /** Whether this is the first call: the end of a session is handled once. */
  boolean end() {
    return ended.compareAndSet(false, true);
  }

  /** Starts the heartbeat, runs {@code @OnOpen} and then starts reading messages. */
  void open() {
    heartbeat.start();
    // Only a handler the endpoint has is queued: an empty task on the pool would put the first
    // messages of an endpoint whose handlers are all @NonBlocking behind it, off the IO thread.
    if (endpoint.dispatcher().handlesOpen()) {
      submitLifecycle(
          Handler.OPEN, () -> endpoint.dispatcher().onOpen(endpoint.instance(), context),
          e -> handlerFailed("@OnOpen", e));
    }
    startReading();
  }

  /** A recovered session: the app saw it open already, so only the heartbeat and reading start. */
  void resume() {
    heartbeat.start();
    startReading();
  }

  private void startReading() {
    session.channel().getReceiveSetter().set(this);
    session.channel().resumeReceives();
  }

  /** The connection dropped and the session waits to be recovered: nothing to ping any more. */
  void detached() {
    heartbeat.stop();
  }

  /** Closes the session once every message received so far was handled. */
  void closeAfterPending(CloseReason reason) {
    executor.execute(() -> session.close(reason), false);
  }

  /** After the connection closed: stops the heartbeat and runs {@code @OnClose}. */
  void closed(CloseReason reason) {
    heartbeat.stop();
    if (endpoint.dispatcher().handlesClose()) {
      submitLifecycle(
          Handler.CLOSE, () -> endpoint.dispatcher().onClose(endpoint.instance(), reason, context),
          e -> handlerFailed("@OnClose", e));
    }
  }

  /** What a lifecycle handler's call may throw. */
  private interface LifecycleCall {
    void run() throws Exception;
  }

  /** Queues a call of {@code @OnOpen}, {@code @OnClose} or {@code @OnError}; a failure goes to {@code failed}. */
  private void submitLifecycle(Handler handler, LifecycleCall call, Consumer<Throwable> failed) {
    submit(
        () -> {
          try {
            call.run();
          } catch (Throwable e) {
            failed.accept(e);
          }
        },
        endpoint.nonBlocking(handler));
  }

  /**
   * Buffers a text message as bytes and decodes it in one call to the JDK's UTF-8 decoder, which is
   * several times faster than the char-by-char decoding of Undertow's own text buffering. The
   * bytes are valid UTF-8 already: Undertow's frame channel checks every text frame as it reads
   * it, and closes with 1007 otherwise. The size limit and its 1009 are the same either way.
   */
  @Override
  protected void onText(WebSocketChannel channel, StreamSourceFrameChannel message) {
    if (DeclaredLength.admit(message, endpoint.config().maxMessageSize(), session)) {
      new BufferedBinaryMessage(endpoint.config().maxMessageSize(), true).read(message, textRead);
    }
  }

  @Override
  protected void onBinary(WebSocketChannel channel, StreamSourceFrameChannel message) throws IOException {
    if (DeclaredLength.admit(message, endpoint.config().maxMessageSize(), session)) {
      super.onBinary(channel, message);
    }
  }

  @Override
  protected long getMaxBinaryBufferSize() {
    return endpoint.config().maxMessageSize();
  }

  private void onFullText(String text, int utf8Length) {
    session.messageRead();
    endpoint.stats().received(utf8Length);
    endpoint.metrics().messageReceived();
    heartbeat.message();
    if (!admitted(text)) {
      return;
    }
    if (endpoint.dispatcher().handlesRawText()) {
      ReplyOrder.Slot slot = reserveReply();
      submit(() -> runRawText(text, slot), endpoint.nonBlocking(Handler.TEXT));
      return;
    }
    Envelope request;
    try {
      request = endpoint.parse(text);
    } catch (Envelope.MalformedEnvelopeException e) {
      endpoint.metrics().error(e.code());
      reserveReply().complete(Replies.error(e.id(), e.command(), e.code(), e.getMessage(), null));
      return;
    }
    ReplyOrder.Slot slot = reserveReply();
    CommandInfo command = endpoint.command(request.command());
    if (command == null) {
      slot.complete(builtIn(request));
      return;
    }
    submit(() -> runCommand(request, slot), command.nonBlocking());
  }

  /** Applies the rate limit; a refused message gets a {@code rate_limited} error reply. */
  private boolean admitted(String text) {
    var config = endpoint.config();
    if (config.rateLimit() <= 0) {
      return true;
    }
    if (rateLimiter == null) { // its bucket starts full, as it would have at the handshake
      rateLimiter = new RateLimiter(config.rateLimit(), config.rateBurst(), config.rateStrikes());
    }
    RateLimiter.Verdict verdict = rateLimiter.onMessage(System.nanoTime());
    if (verdict == RateLimiter.Verdict.ACCEPT) {
      return true;
    }
    endpoint.stats().rateLimited();
    endpoint.metrics().rateLimited();
    endpoint.metrics().error(WsException.RATE_LIMITED);
    if (verdict == RateLimiter.Verdict.CLOSE) {
      LOG.info("{}: kept sending while rate limited, closing", session);
      session.close(StatusCodes.RATE_LIMIT_EXCEEDED);
      return false;
    }
    Object id = null;
    String command = null;
    try {
      Envelope request = Envelope.parse(text);
      id = request.form() == Envelope.Form.JSON ? request.id() : null;
      command = request.command();
    } catch (WsException e) {
      // a malformed message is refused all the same, just without re/cmd
    }
    reserveReply()
        .complete(
            Replies.error(
                id, command, WsException.RATE_LIMITED,
                "too many messages: at most " + endpoint.config().rateLimit() + " per second",
                null));
    return false;
  }

  /** The reply to a command the endpoint does not declare: the built-in help, or an error. */
  private OutboundMessage builtIn(Envelope request) {
    if (request.command().equals("help")) {
      return Replies.value(request, endpoint.helpText(), Codecs.STRING);
    }
    endpoint.metrics().error(WsException.UNKNOWN_COMMAND);
    return Replies.error(
        request, WsException.unknownCommand(request.command()), unknownCommandMessage(request.command()));
  }

  private static String unknownCommandMessage(String command) {
    return "unknown command \"" + command + "\"; send \"help\" for the list of commands";
  }

  private void runCommand(Envelope request, ReplyOrder.Slot slot) {
    long start = System.nanoTime();
    try {
      DispatchResult result =
          endpoint.dispatcher().dispatch(endpoint.instance(), request.command(), request.payload(), context);
      if (result.isAsync()) {
        CompletionStage<?> stage = (CompletionStage<?>) result.value();
        stage.whenComplete(
            (value, error) -> {
              try {
                if (error != null) {
                  failed(request, slot, start, unwrap(error));
                } else {
                  succeeded(request, slot, start, value, result);
                }
              } catch (Throwable e) { // an Error encoding the reply: the slot must still complete
                failed(request, slot, start, e);
              }
            });
      } else {
        succeeded(request, slot, start, result.value(), result);
      }
    } catch (Throwable e) {
      failed(request, slot, start, e);
    }
  }

  private void succeeded(
      Envelope request, ReplyOrder.Slot slot, long start, Object value, DispatchResult result) {
    OutboundMessage reply;
    try {
      // none, or a CompletionStage<Void>: an acknowledgement
      reply = result.isNone() || result.codec() == null
          ? Replies.ack(request)
          : Replies.value(request, value, result.codec());
    } catch (RuntimeException e) {
      failed(request, slot, start, e);
      return;
    }
    endpoint.metrics().commandCompleted(request.command(), COMMAND_OK, System.nanoTime() - start);
    slot.complete(reply);
  }

  private void failed(Envelope request, ReplyOrder.Slot slot, long start, Throwable error) {
    String code = error instanceof WsException ws ? ws.code() : WsException.INTERNAL;
    endpoint.metrics().commandCompleted(request.command(), code, System.nanoTime() - start);
    endpoint.metrics().error(code);
    slot.complete(failure(request, error));
  }

  private OutboundMessage failure(Envelope request, Throwable error) {
    if (error instanceof WsException ws) {
      String message =
          ws.code().equals(WsException.UNKNOWN_COMMAND)
              ? unknownCommandMessage(request.command())
              : withTextLineForm(request, ws);
      return Replies.error(request, ws, message);
    }
    handlerFailed("command \"" + request.command() + "\"", error);
    return Replies.error(
        request.form() == Envelope.Form.JSON ? request.id() : null,
        request.command(),
        WsException.INTERNAL,
        StatusCodes.INTERNAL_ERROR_MESSAGE,
        null);
  }

  /**
   * A text-line argument that should have been JSON gets the form to type along with the parser's
   * complaint: {@code bid lamp 12} is answered with {@code bid {"item":…,"amount":…}}.
   */
  private String withTextLineForm(Envelope request, WsException error) {
    CommandInfo command = endpoint.command(request.command());
    boolean jsonArgument = command != null && command.argument().startsWith("{");
    if (request.form() != Envelope.Form.TEXT_LINE || !(error instanceof JsonDecodeException) || !jsonArgument) {
      return error.getMessage();
    }
    return error.getMessage() + "; write the argument as JSON: " + command.usage()
        + " (or send {\"cmd\":\"" + command.name() + "\",\"data\":{…}})";
  }

  private void runRawText(String text, ReplyOrder.Slot slot) {
    try {
      DispatchResult result = endpoint.dispatcher().onText(endpoint.instance(), text, context);
      slot.complete(result.isNone() || result.value() == null ? null : OutboundMessage.text(String.valueOf(result.value())));
    } catch (Throwable e) {
      handlerFailed("@OnText", e);
      endpoint.metrics().error(WsException.INTERNAL);
      slot.complete(Replies.error(null, null, WsException.INTERNAL, StatusCodes.INTERNAL_ERROR_MESSAGE, null));
    }
  }

  @Override
  protected void onFullBinaryMessage(WebSocketChannel channel, BufferedBinaryMessage message) {
    Pooled<ByteBuffer[]> data = message.getData();
    ByteBuffer bytes;
    try {
      bytes = WebSockets.mergeBuffers(data.getResource());
    } finally {
      data.free();
    }
    session.messageRead();
    endpoint.stats().received(bytes.remaining());
    endpoint.metrics().messageReceived();
    heartbeat.message();
    if (!endpoint.dispatcher().handlesBinary()) {
      LOG.info("{}: binary message without @OnBinary, closing", session);
      session.close(StatusCodes.BINARY_NOT_SUPPORTED);
      return;
    }
    if (!admitted("")) {
      return;
    }
    ReplyOrder.Slot slot = reserveReply();
    submit(
        () -> {
          try {
            ByteBuffer reply = endpoint.dispatcher().onBinary(endpoint.instance(), bytes, context);
            slot.complete(reply == null ? null : OutboundMessage.binary(reply));
          } catch (Throwable e) {
            handlerFailed("@OnBinary", e);
            endpoint.metrics().error(WsException.INTERNAL);
            slot.complete(Replies.error(null, null, WsException.INTERNAL, StatusCodes.INTERNAL_ERROR_MESSAGE, null));
          }
        },
        endpoint.nonBlocking(Handler.BINARY));
  }

  @Override
  protected void onFullPongMessage(WebSocketChannel channel, BufferedBinaryMessage message) {
    message.getData().free();
    heartbeat.pong();
  }

  @Override
  protected void onFullCloseMessage(WebSocketChannel channel, BufferedBinaryMessage message)
      throws java.io.IOException {
    closeFrameArrived = true;
    super.onFullCloseMessage(channel, message); // parses it, calls onCloseMessage, echoes it
  }

  /**
   * Undertow also calls this, with a made-up 1001, when the connection just dropped; only a close
   * frame that really arrived counts as the peer's.
   */
  @Override
  protected void onCloseMessage(CloseMessage message, WebSocketChannel channel) {
    if (!closeFrameArrived) {
      return;
    }
    int code = message.getCode();
    session.peerClosed(
        new CloseReason(
            code >= 1000 && code <= 4999 ? code : CloseReason.NO_STATUS_RECEIVED,
            message.getReason()));
  }

  /** A transport error: a broken frame, a message too big, a failed read. */
  @Override
  protected void onError(WebSocketChannel channel, Throwable error) {
    LOG.info("{}: {}", session, error.toString());
    endpoint.stats().error();
    endpoint.metrics().error(TRANSPORT_ERROR);
    // Without an @OnError nothing is queued (as in open()): an empty task on the pool would put a
    // @NonBlocking @OnClose behind it, off the IO thread.
    if (endpoint.dispatcher().handlesErrors()) {
      submitLifecycle(
          Handler.ERROR, () -> endpoint.dispatcher().onError(endpoint.instance(), error, context),
          e -> LOG.error("{}: @OnError failed", session, e));
    }
    if (channel.isCloseFrameSent()) {
      // Undertow already sent the close frame (1002, 1007, 1009…): give it time to get out.
      session.dropAfterCloseTimeout();
    } else {
      IoUtils.safeClose(channel);
    }
  }

  /** A handler threw something other than {@link WsException}: log it and tell {@code @OnError}. */
  private void handlerFailed(String where, Throwable error) {
    endpoint.stats().error();
    LOG.error("{}: {} failed", session, where, error);
    try {
      endpoint.dispatcher().onError(endpoint.instance(), error, context);
    } catch (Throwable e) {
      LOG.error("{}: @OnError failed too", session, e);
    }
  }

  private static Throwable unwrap(Throwable error) {
    return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
  }

  /**
   * Runs a task in order; past {@link #MAX_BACKLOG} waiting tasks the session stops reading its
   * socket until half of them ran, so a client that outpaces its handlers fills its own TCP
   * window rather than server memory.
   */
  private void submit(Runnable task, boolean nonBlocking) {
    taskWaiting();
    boolean inline = nonBlocking && session.channel().getIoThread() == Thread.currentThread();
    executor.execute(
        () -> {
          try {
            task.run();
          } finally {
            taskDone();
          }
        },
        inline);
  }

  private synchronized void taskWaiting() {
    backlog++;
    suspendIfFull();
  }

  private synchronized void taskDone() {
    backlog--;
    resumeIfDrained();
  }

  /**
   * The place of a message's reply, in the order of the messages. Replies that wait for an earlier
   * one (behind a handler's {@code CompletionStage}) are held in memory: past {@link
   * #MAX_BACKLOG} of them the session stops reading too.
   */
  private ReplyOrder.Slot reserveReply() {
    ReplyOrder.Slot slot = replies.reserve();
    synchronized (this) {
      suspendIfFull();
    }
    return slot;
  }

  private synchronized void repliesDelivered() {
    resumeIfDrained();
  }

  // Called holding this pipeline's lock; the reply order's is only ever taken inside it, never
  // the other way round.
  private void suspendIfFull() {
    if ((backlog >= MAX_BACKLOG || replies.waiting() >= MAX_BACKLOG) && !receivesSuspended) {
      receivesSuspended = true;
      heartbeat.readsHeld(true);
      session.channel().suspendReceives();
    }
  }

  private void resumeIfDrained() {
    if (receivesSuspended && backlog <= MAX_BACKLOG / 2 && replies.waiting() <= MAX_BACKLOG / 2) {
      receivesSuspended = false;
      heartbeat.readsHeld(false);
      session.channel().resumeReceives();
    }
  }
}
