package io.switchboard.undertow.session;

import io.switchboard.CloseReason;
import io.switchboard.SlowConsumerPolicy;
import io.switchboard.WsSession;
import io.switchboard.undertow.StatusCodes;
import io.switchboard.undertow.broadcast.RoomRegistry;
import io.switchboard.undertow.wire.Pushes;
import io.switchboard.undertow.send.AfterReads;
import io.switchboard.undertow.send.IoThreadWrites;
import io.switchboard.undertow.send.OutboundMessage;
import io.switchboard.undertow.send.OutboundQueue;
import io.undertow.util.ImmediatePooledByteBuffer;
import io.undertow.websockets.core.CloseMessage;
import io.undertow.websockets.core.StreamSinkFrameChannel;
import io.undertow.websockets.core.WebSocketCallback;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSocketFrameType;
import io.undertow.websockets.core.WebSockets;
import io.undertow.websockets.extensions.NoopExtensionFunction;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.IoUtils;

/**
 * One WebSocket connection: the {@link WsSession} handlers see, on an Undertow channel. Every
 * send goes through the session's bounded {@link OutboundQueue}.
 */
public final class ServerSession
    implements WsSession, OutboundQueue.Wire, IoThreadWrites.PendingWrite, AfterReads.HeldWrite {

  private static final Logger LOG = LoggerFactory.getLogger(ServerSession.class);

  private final String id;
  private final String path;
  private final WebSocketChannel channel;
  private final InetSocketAddress remoteAddress;
  private final Principal principal;
  // Made on first use, like the two below: an idle session that never gets an attribute or joins
  // a room does not carry an empty table for them.
  private volatile Map<String, Object> attributes;
  private final Map<String, String> pathParams;
  private final Instant openedAt = Instant.now();
  /**
   * The rooms this session is a member of, each with its offset when the session became a member
   * (0 for a room without history; {@link RoomRegistry#UNKNOWN_OFFSET} while it is being read).
   */
  private volatile ConcurrentHashMap<String, Long> memberships;
  private final SessionServices services;
  private final OutboundQueue outbound;
  private final IoThreadWrites ioThreadWrites;
  private int messagesRead; // IO thread only
  private boolean writeHeld; // IO thread only: a write waits for the end of this connection's reads
  private final WebSocketCallback<List<OutboundMessage>> writeCallback = new WriteCallback();
  private final AtomicBoolean slowConsumerClosed = new AtomicBoolean();
  private final AtomicBoolean closeTimerSet = new AtomicBoolean();
  private volatile boolean leftAllRooms;
  private volatile boolean detached; // its connection dropped, and it is kept for recovery
  private volatile CloseReason peerClose;

  /**
   * @param id the id of the session this one recovers, or null for a new id
   */
  public ServerSession(
      String id,
      String path,
      WebSocketChannel channel,
      Principal principal,
      Map<String, Object> attributes,
      Map<String, String> pathParams,
      SessionServices services) {
    this.id = id != null ? id : SessionIds.next();
    this.path = path;
    this.channel = channel;
    this.remoteAddress = channel.getSourceAddress();
    this.principal = principal;
    if (!attributes.isEmpty()) {
      this.attributes = new ConcurrentHashMap<>(attributes);
    }
    this.pathParams = Map.copyOf(pathParams);
    this.services = services;
    this.outbound = new OutboundQueue(this, services.maxQueuedBytes(), batchMessages(channel), services.queueStats());
    this.ioThreadWrites = services.ioThreadWrites().of(channel.getIoThread());
  }

  /**
   * How many messages may leave in one write: fewer on a compressed connection, where every frame
   * holds a pooled buffer from the moment it is queued until it is written, so that a client that
   * stops reading pins a few of them, not a whole batch.
   */
  private static int batchMessages(WebSocketChannel channel) {
    return channel.getExtensionFunction() == NoopExtensionFunction.INSTANCE ? OutboundQueue.MAX_BATCH_MESSAGES : 4;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public Map<String, String> pathParams() {
    return pathParams;
  }

  @Override
  public InetSocketAddress remoteAddress() {
    return remoteAddress;
  }

  @Override
  public Optional<Principal> principal() {
    return Optional.ofNullable(principal);
  }

  @Override
  public Optional<String> subprotocol() {
    String chosen = channel.getSubProtocol();
    return chosen == null || chosen.isEmpty() ? Optional.empty() : Optional.of(chosen);
  }

  @Override
  public Map<String, Object> attributes() {
    Map<String, Object> map = attributes;
    return map != null ? map : firstAttributes();
  }

  private synchronized Map<String, Object> firstAttributes() {
    if (attributes == null) {
      attributes = new ConcurrentHashMap<>();
    }
    return attributes;
  }

  @Override
  public Instant openedAt() {
    return openedAt;
  }

  @Override
  public boolean isOpen() {
    return channel.isOpen() && !channel.isCloseFrameSent() && !channel.isCloseFrameReceived();
  }

  @Override
  public void send(String text) {
    deliver(OutboundMessage.text(text));
  }

  @Override
  public void send(String event, Object payload) {
    deliver(OutboundMessage.push(Pushes.encode(event, payload, services.codecs())));
  }

  @Override
  public void sendBinary(ByteBuffer data) {
    deliver(OutboundMessage.binary(data));
  }

  /**
   * Closes after what is queued; a client that does not read it, or does not answer the close
   * frame, loses the connection after the close timeout.
   */
  @Override
  public void close(CloseReason reason) {
    outbound.closeAfterQueued(reason);
    dropAfterCloseTimeout();
  }

  /**
   * Joins a room. A join that runs after the connection ended (from {@code @OnClose}, or a command
   * that waited behind a slow one) checks for that once it is among the members, since the end may
   * have left every room between its two steps, when there was nothing to remove yet.
   */
  @Override
  public void join(String room) {
    if (memberships().putIfAbsent(room, RoomRegistry.UNKNOWN_OFFSET) == null) {
      knownJoinOffset(room, services.rooms().add(room, this));
      if (leftAllRooms) {
        memberships.remove(room); // closed: never stay in a room
        services.rooms().remove(room, this);
      } else if (detached) {
        // kept for recovery: the name stays, to be rejoined by the connection that recovers it
        services.rooms().remove(room, this);
        services.presence().roomsChanged(this);
      } else {
        services.presence().roomsChanged(this);
      }
    }
  }

  @Override
  public void leave(String room) {
    Map<String, Long> rooms = memberships;
    if (rooms != null && rooms.remove(room) != null) {
      services.rooms().remove(room, this);
      services.presence().roomsChanged(this);
    }
  }

  @Override
  public Set<String> rooms() {
    Map<String, Long> rooms = memberships;
    return rooms == null ? Set.of() : Set.copyOf(rooms.keySet());
  }

  private ConcurrentHashMap<String, Long> memberships() {
    ConcurrentHashMap<String, Long> map = memberships;
    return map != null ? map : firstMemberships();
  }

  private synchronized ConcurrentHashMap<String, Long> firstMemberships() {
    if (memberships == null) {
      memberships = new ConcurrentHashMap<>();
    }
    return memberships;
  }

  @Override
  public void slowConsumerPolicy(SlowConsumerPolicy policy) {
    outbound.policy(policy);
  }

  /**
   * Queues a message, applying the slow-consumer policy when the queue is full.
   *
   * @return whether the message was queued
   */
  public boolean deliver(OutboundMessage message) {
    OutboundQueue.Offer offer = outbound.offer(message);
    if (offer == OutboundQueue.Offer.OVERFLOW) {
      closeAsSlowConsumer();
    }
    // A held write does not wait past a full batch: a handler that sends a lot at once has it
    // written as it goes, not held against the queue's bound.
    if (offer == OutboundQueue.Offer.QUEUED
        && channel.getIoThread() == Thread.currentThread()
        && writeHeld
        && outbound.fillsBatch()) {
      startHeldWrite();
    }
    return offer == OutboundQueue.Offer.QUEUED;
  }

  private void closeAsSlowConsumer() {
    if (!slowConsumerClosed.compareAndSet(false, true)) {
      return;
    }
    services.stats().slowConsumerClosed();
    services.metrics().slowConsumerClosed();
    LOG.info(
        "session {} from {} is a slow consumer: closing ({} bytes queued)",
        id, remoteAddress, outbound.queuedBytes());
    outbound.closeNow(StatusCodes.SLOW_CONSUMER);
    dropAfterCloseTimeout(); // the message being written may never get through
  }

  /**
   * The connection dropped but the session may be recovered: it stops being a member of its rooms,
   * yet keeps their names (and its presence entry shows them) until it is recovered or expires.
   */
  public void detachFromRooms() {
    detached = true;
    for (String room : rooms()) {
      services.rooms().remove(room, this);
    }
  }

  /**
   * The room's offset when this session joined it: it got every push after it. 0 for a room
   * without history; {@link RoomRegistry#UNKNOWN_OFFSET} while the cluster's history is read.
   */
  public long joinOffset(String room) {
    Map<String, Long> rooms = memberships;
    return rooms == null ? 0L : rooms.getOrDefault(room, 0L);
  }

  /** The join offset of a room became known (the first push since, or the room's last offset read). */
  public void joinOffsetKnown(String room, long offset) {
    Map<String, Long> rooms = memberships;
    if (rooms != null) {
      rooms.replace(room, RoomRegistry.UNKNOWN_OFFSET, offset);
    }
  }

  /** Sets a join offset, unless it became known meanwhile and this one is not. */
  private void knownJoinOffset(String room, long offset) {
    // Only while still a member: a leave in between must not bring the room back.
    memberships().computeIfPresent(room, (r, before) -> offset == RoomRegistry.UNKNOWN_OFFSET ? before : offset);
  }

  /**
   * Rejoins a room of the session this one recovers, after queueing what it missed since {@code
   * offset}, unless that is more than half of what its outbound queue holds (replaying it would
   * close the session as a slow consumer); see {@link
   * io.switchboard.undertow.broadcast.RoomRegistry#recover}.
   */
  public CompletionStage<RoomRegistry.Recovery> recoverRoom(String room, long offset, String epoch) {
    memberships().put(room, RoomRegistry.UNKNOWN_OFFSET);
    return services.rooms()
        .recover(room, this, offset, epoch, services.maxQueuedBytes() / 2)
        .thenApply(
            outcome -> {
              knownJoinOffset(room, outcome.offset());
              return outcome;
            });
  }

  /** Leaves every room; called once the connection is closed. */
  public void leaveAllRooms() {
    leftAllRooms = true;
    for (String room : rooms()) {
      leave(room);
    }
  }

  /**
   * Records the peer's close frame, which is what {@code @OnClose} reports, unless it answers the
   * server's: the session then ended for the server's reason, which the answer only echoes (its
   * code, often without the reason).
   */
  public void peerClosed(CloseReason reason) {
    if (channel.isCloseInitiatedByRemotePeer()) { // its frame came before any close of ours
      this.peerClose = reason;
    }
  }

  /**
   * Why the session ended: the peer's close frame if the peer closed first, else the server's
   * (sent, or decided and waiting behind a write the client never read), else 1006 for a
   * connection that just dropped.
   */
  public CloseReason closeReason() {
    if (peerClose != null) {
      return peerClose;
    }
    CloseReason server = outbound.closing(); // the close the server sent, or decided on
    if (server != null) {
      return server;
    }
    // Undertow's own close frames: 1002/1007 for broken frames, 1009 for a message too big. (It
    // also "sends" a 1000 when the connection just dropped, which is no close at all.)
    int code = channel.getCloseCode();
    if (channel.isCloseFrameSent() && code > CloseReason.NORMAL_CLOSURE && code <= 4999) {
      String reason = channel.getCloseReason();
      return new CloseReason(code, reason == null ? "" : reason);
    }
    return StatusCodes.CONNECTION_LOST;
  }

  /** Sends the close frame now, ahead of anything queued, and drops the connection at once. */
  public void abort(CloseReason reason) {
    outbound.closeNow(reason);
    IoUtils.safeClose(channel);
  }

  public OutboundQueue outbound() {
    return outbound;
  }

  public WebSocketChannel channel() {
    return channel;
  }

  /**
   * Writes on the connection's IO thread: when called there, once the connection has read the
   * messages waiting for it (the replies to pipelined requests then leave together); else in the
   * IO thread's next batch.
   */
  @Override
  public void scheduleWrite(OutboundQueue queue) {
    if (channel.getIoThread() == Thread.currentThread()) {
      writeHeld = true;
      ioThreadWrites.afterReads().hold(this);
    } else {
      ioThreadWrites.add(this);
    }
  }

  @Override
  public void startWrite() {
    outbound.writeWaiting();
  }

  /** Counts a message this connection read; on its IO thread. */
  public void messageRead() {
    messagesRead++;
  }

  @Override
  public int messagesRead() {
    return messagesRead;
  }

  /** Starts the write held for the end of this connection's reads, if one is; on its IO thread. */
  @Override
  public void startHeldWrite() {
    if (writeHeld) {
      writeHeld = false;
      outbound.writeWaiting();
    }
  }

  /**
   * Queues every frame of the batch but the last with Undertow's flushing held back, then sends
   * the last as usual: its flush writes them all in one {@code writev}, and its completion, which
   * comes after theirs, completes the batch.
   */
  @Override
  public void write(List<OutboundMessage> batch, OutboundQueue queue) {
    int last = batch.size() - 1;
    try {
      if (last > 0) {
        channel.setRequireExplicitFlush(true);
        try {
          for (int i = 0; i < last; i++) {
            queueFrame(batch.get(i));
          }
        } finally {
          channel.setRequireExplicitFlush(false);
        }
      }
      OutboundMessage message = batch.get(last);
      if (message.kind() == OutboundMessage.Kind.TEXT) {
        WebSockets.sendText(message.payload(), channel, writeCallback, batch);
      } else {
        WebSockets.sendBinary(message.payload(), channel, writeCallback, batch);
      }
    } catch (IOException | RuntimeException e) {
      // Undertow reports a failed flush to the callback; what lands here is a channel closed
      // meanwhile, or a frame its extension (compression) could not transform
      writeCallback.onError(channel, batch, e);
    }
  }

  /** Queues one complete frame on the channel; it leaves with the next flush. */
  private void queueFrame(OutboundMessage message) throws IOException {
    StreamSinkFrameChannel frame =
        channel.send(message.kind() == OutboundMessage.Kind.TEXT ? WebSocketFrameType.TEXT : WebSocketFrameType.BINARY);
    if (!frame.send(new ImmediatePooledByteBuffer(message.payload()))) {
      throw new IOException("the channel took no frame");
    }
    frame.shutdownWrites();
  }

  @Override
  public void writeClose(CloseReason reason) {
    if (channel.isCloseFrameSent() || !channel.isOpen()) {
      return;
    }
    WebSockets.sendClose(new CloseMessage(reason.code(), reason.reason()), channel, null);
  }

  /** Drops the connection after the close timeout unless it closed by then. */
  public void dropAfterCloseTimeout() {
    if (!closeTimerSet.compareAndSet(false, true)) {
      return;
    }
    try {
      channel
          .getIoThread()
          .executeAfter(() -> IoUtils.safeClose(channel), services.closeTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      IoUtils.safeClose(channel); // the IO thread is stopping with the server: no time to wait
    }
  }

  @Override
  public String toString() {
    return "session " + id + " " + path + " from " + remoteAddress;
  }

  private final class WriteCallback implements WebSocketCallback<List<OutboundMessage>> {
    @Override
    public void complete(WebSocketChannel ch, List<OutboundMessage> batch) {
      outbound.written(batch);
    }

    @Override
    public void onError(WebSocketChannel ch, List<OutboundMessage> batch, Throwable error) {
      LOG.debug("{}: write failed", ServerSession.this, error);
      outbound.failed(batch);
      IoUtils.safeClose(channel);
    }
  }
}
