package io.switchboard.undertow.dispatch;

import io.switchboard.CloseReason;
import io.switchboard.CommandInfo;
import io.switchboard.EndpointInfo;
import io.switchboard.Every;
import io.switchboard.json.CodecRegistry;
import io.switchboard.json.JsonCodec;
import io.switchboard.spi.EndpointDispatcher;
import io.switchboard.spi.Envelope;
import io.switchboard.spi.HandlerContext;
import io.switchboard.undertow.ServerConfig;
import io.switchboard.undertow.metrics.EndpointMetrics;
import io.switchboard.undertow.StatusCodes;
import io.switchboard.undertow.broadcast.EndpointBroadcaster;
import io.switchboard.undertow.broadcast.LocalFanOut;
import io.switchboard.undertow.broadcast.RoomRegistry;
import io.switchboard.undertow.cluster.ClusterBus;
import io.switchboard.undertow.cluster.LocalDelivery;
import io.switchboard.undertow.cluster.Target;
import io.switchboard.undertow.presence.EndpointPresence;
import io.switchboard.undertow.handshake.AcceptedHandshake;
import io.switchboard.undertow.history.RoomHistory;
import io.switchboard.undertow.send.OutboundMessage;
import io.switchboard.undertow.wire.RecoveryRequest;
import io.switchboard.undertow.wire.SessionFrame;
import io.switchboard.undertow.send.IoThreadWrites;
import io.switchboard.undertow.session.ServerSession;
import io.switchboard.undertow.session.SessionServices;
import io.switchboard.undertow.session.SessionRegistry;
import io.switchboard.undertow.stats.StatsCounters;
import io.undertow.websockets.WebSocketConnectionCallback;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.spi.WebSocketHttpExchange;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.IoUtils;

/**
 * One served endpoint: its generated dispatcher and instance, its sessions, rooms and presence,
 * and the connection callback that turns each upgraded connection into a session.
 */
public final class EndpointRuntime<E> implements WebSocketConnectionCallback {

  private static final Logger LOG = LoggerFactory.getLogger(EndpointRuntime.class);

  private final EndpointDispatcher<E> dispatcher;
  /** The dispatcher's payload codecs, for the envelope parse (one function, not one per message). */
  private final Function<String, JsonCodec<?>> payloadCodecs;
  private final E instance;
  private final ServerConfig config;
  private final StatsCounters stats;
  private final ExecutorService workers;
  private final SessionServices sessionServices;
  private final SessionRegistry sessions;
  private final Set<SessionPipeline<E>> pipelines = ConcurrentHashMap.newKeySet();
  private final RoomRegistry rooms;
  private final EndpointPresence presence;
  private final LocalFanOut localFanOut;
  private final EndpointBroadcaster broadcaster;
  private final Recovery<E> recovery;
  /** The open sessions whose client asked for recovery, by token: one coming back takes its place. */
  private final Map<String, Live<E>> liveByToken = new ConcurrentHashMap<>();
  private final Map<String, CommandInfo> commands = new LinkedHashMap<>();
  private final Set<EndpointDispatcher.Handler> nonBlockingHandlers =
      EnumSet.noneOf(EndpointDispatcher.Handler.class);
  private final String helpText;
  private final List<HandlerContext> scheduledContexts;
  private final HandlerContext nodeScheduledContext;
  private volatile boolean stopping;

  public EndpointRuntime(
      EndpointDispatcher<E> dispatcher,
      E instance,
      ServerConfig config,
      CodecRegistry codecs,
      StatsCounters stats,
      EndpointMetrics metrics,
      ExecutorService workers,
      IoThreadWrites.PerThread ioThreadWrites,
      ClusterBus bus) {
    this.dispatcher = dispatcher;
    this.payloadCodecs = dispatcher::payloadCodec;
    this.instance = instance;
    this.config = config;
    this.stats = stats;
    this.workers = workers;
    String path = dispatcher.path();
    this.sessions = new SessionRegistry(path, bus);
    this.rooms = new RoomRegistry(path, bus, new RoomHistory(config.roomHistory(), config.recoveryWindow()));
    this.presence = new EndpointPresence(path, bus);
    this.recovery =
        new Recovery<>(
            path, config.recoveryWindow(), config.recoveryBuffer(), bus, presence, this::ended,
            this::endedElsewhere);
    this.localFanOut = new LocalFanOut(sessions, rooms, recovery::keep);
    this.sessionServices =
        new SessionServices(
            rooms, presence, codecs, stats, metrics, config.maxQueuedBytes(), config.closeTimeout(),
            ioThreadWrites);
    this.broadcaster = new EndpointBroadcaster(path, bus::publish, rooms, codecs, stats, false);
    for (CommandInfo command : dispatcher.commands()) {
      commands.put(command.name(), command);
    }
    nonBlockingHandlers.addAll(dispatcher.nonBlockingHandlers());
    this.helpText = helpText(dispatcher);
    this.nodeScheduledContext =
        new SessionContext(
            this, null, new EndpointBroadcaster(path, localFanOut::deliver, rooms, codecs, stats, true));
    this.scheduledContexts = scheduledContexts();
    bus.subscribe(Target.all(path));
  }

  /**
   * One context per {@code @Every} method: a node-scoped method's broadcaster reaches this node's
   * sessions only, so that a push made on every node reaches each client once.
   */
  private List<HandlerContext> scheduledContexts() {
    HandlerContext cluster = new SessionContext(this, null, broadcaster);
    return dispatcher.scheduled().stream()
        .map(method -> method.scope() == Every.Scope.NODE ? nodeScheduledContext : cluster)
        .toList();
  }

  private static String helpText(EndpointInfo info) {
    String list =
        info.commands().stream()
            .map(CommandInfo::usage)
            .collect(Collectors.joining(", "));
    return list.isEmpty() ? "commands: help" : "commands: " + list + ", help";
  }

  private record Live<E>(SessionPipeline<E> pipeline, AcceptedHandshake handshake) {}

  /**
   * Turns an upgraded connection into a session: a new one, which runs {@code @OnOpen}, or, when
   * the upgrade URL carries the token of a session that is away, that session recovered. Nothing
   * made here may keep {@code exchange} (no closure over it): once this returns, the HTTP request
   * is garbage ({@code SharedUpgrade}).
   */
  @Override
  public void onConnect(WebSocketHttpExchange exchange, WebSocketChannel channel) {
    AcceptedHandshake handshake = exchange.getAttachment(AcceptedHandshake.KEY);
    // Only with a query: a connection without one needs no parameter map made for it.
    String query = exchange.getQueryString();
    RecoveryRequest asked =
        RecoveryRequest.of(query == null || query.isEmpty() ? Map.of() : exchange.getRequestParameters());
    if (asked.token() != null) {
      dropStale(asked.token(), handshake);
    }
    Returning back = asked.asked() ? recovery.take(asked, handshake.principal()) : null;
    Map<String, Object> attributes = handshake.attributes();
    if (back != null) {
      attributes = new LinkedHashMap<>(back.attributes());
      attributes.putAll(handshake.attributes()); // what the hook says of this connection wins
    }
    ServerSession session =
        new ServerSession(
            back != null ? back.id() : null, path(), channel, handshake.principal(),
            attributes, handshake.pathParams(), sessionServices);
    SessionPipeline<E> pipeline =
        new SessionPipeline<>(this, session, asked.asked() ? Recovery.newToken() : null);
    byte[] sessionFrame = null;
    if (back != null) {
      back.restorePresence(session, presence);
      sessionFrame = recovery.recover(back, pipeline, asked, () -> sessions.add(session));
      presence.roomsChanged(session); // its entry was published before its rooms came back
    } else {
      sessions.add(session);
    }
    pipelines.add(pipeline);
    if (pipeline.recoveryToken() != null) {
      liveByToken.put(pipeline.recoveryToken(), new Live<>(pipeline, handshake));
      recovery.opened(pipeline, handshake.principal());
    }
    stats.connected();
    sessionServices.metrics().sessionOpened();
    channel.addCloseTask(ch -> closed(pipeline, handshake));
    if (back != null) {
      LOG.info("{} recovered", session);
      session.deliver(OutboundMessage.push(sessionFrame));
      pipeline.resume();
    } else {
      LOG.info("{} connected", session);
      if (asked.asked()) {
        session.deliver(OutboundMessage.push(SessionFrame.fresh(session.id(), pipeline.recoveryToken())));
      }
      pipeline.open();
    }
    if (stopping) {
      session.close(StatusCodes.SERVER_STOPPING);
    }
  }

  /**
   * A client comes back with the token of a session whose connection is still open here: the
   * client knows its connection is gone (it changed networks), the server would know only at the
   * heartbeat's timeout. The old connection is dropped now, as a lost one, so that the new one
   * recovers its session.
   */
  private void dropStale(String token, AcceptedHandshake handshake) {
    Live<E> live = liveByToken.get(token);
    if (live == null || !Recovery.samePrincipal(live.handshake().principal(), handshake.principal())) {
      return;
    }
    drop(live);
  }

  /** The same, for a client that came back through another node, which checked its principal. */
  public void dropStaleSession(String sessionId) {
    for (Live<E> live : liveByToken.values()) {
      if (live.pipeline().session().id().equals(sessionId)) {
        drop(live);
      }
    }
  }

  private void drop(Live<E> live) {
    closed(live.pipeline(), live.handshake());
    IoUtils.safeClose(live.pipeline().session().channel());
  }

  /**
   * A client that came back drops its stale connection ({@link #dropStale}) while that connection's
   * own close may be under way on its IO thread. Whichever comes second waits here until the first
   * has ended the session (kept it, when it may be recovered), and the token stays live until
   * then, so that the recovery that follows finds the session kept rather than nowhere.
   */
  private void closed(SessionPipeline<E> pipeline, AcceptedHandshake handshake) {
    synchronized (pipeline) {
      if (!pipeline.end()) {
        return; // ended already, by the connection's close or for a client that came back
      }
      try {
        end(pipeline, handshake);
      } finally {
        if (pipeline.recoveryToken() != null) {
          liveByToken.remove(pipeline.recoveryToken(), new Live<>(pipeline, handshake));
        }
      }
    }
  }

  private void end(SessionPipeline<E> pipeline, AcceptedHandshake handshake) {
    ServerSession session = pipeline.session();
    sessions.remove(session);
    pipelines.remove(pipeline);
    handshake.release();
    CloseReason reason = session.closeReason();
    sessionServices.metrics().sessionClosed(reason.code());
    if (!stopping && recovery.keeps(pipeline, reason)) {
      session.detachFromRooms();
      pipeline.detached();
      recovery.keepAway(pipeline, handshake.principal());
      LOG.info("{} dropped: {} {}; kept {} for its client to recover", session, reason.code(),
          reason.reason(), config.recoveryWindow());
      return;
    }
    LOG.info("{} disconnected: {} {}", session, reason.code(), reason.reason());
    recovery.closed(pipeline);
    ended(pipeline);
  }

  /** The session is over: its presence and rooms go, and {@code @OnClose} runs. */
  private void ended(SessionPipeline<E> pipeline) {
    ServerSession session = pipeline.session();
    presence.closed(session);
    session.leaveAllRooms();
    pipeline.closed(session.closeReason());
  }

  /**
   * Closes every session with {@code reason} once the messages it already sent are handled and
   * their replies queued (a {@code CompletionStage} reply still pending is not waited for).
   */
  public void closeAll(CloseReason reason) {
    stopping = true;
    recovery.expireAll();
    for (SessionPipeline<E> pipeline : pipelines) {
      pipeline.closeAfterPending(reason);
    }
  }

  /**
   * The session was taken over by another node: its presence entry and rooms here go, without
   * {@code @OnClose} (it runs once, on the node where the session ends).
   */
  private void endedElsewhere(SessionPipeline<E> pipeline) {
    ServerSession session = pipeline.session();
    presence.closed(session);
    session.leaveAllRooms();
  }

  /** A session kept away here was taken over by another node; see {@link Recovery#movedAway}. */
  public LocalDelivery.Kept movedAway(String sessionId) {
    return recovery.movedAway(sessionId);
  }

  /**
   * Runs the {@code @Every} method at {@code index}; exceptions propagate to the scheduler. With
   * {@code thisNodeOnly}, its broadcaster reaches this node's sessions only, whatever its scope.
   */
  public void runScheduled(int index, boolean thisNodeOnly) throws Exception {
    dispatcher.runScheduled(
        instance, index, thisNodeOnly ? nodeScheduledContext : scheduledContexts.get(index));
  }

  /**
   * Queues an encoded push for the sessions of this node that {@code target} matches: the local
   * side of the cluster bus.
   */
  public int deliverLocally(Target target, byte[] message, String exceptSessionId) {
    return localFanOut.deliver(target, message, exceptSessionId);
  }

  public String path() {
    return dispatcher.path();
  }

  /** Parses a text message, decoding a command's JSON {@code data} on the way. */
  Envelope parse(String text) {
    return Envelope.parse(text, payloadCodecs);
  }

  public EndpointDispatcher<E> dispatcher() {
    return dispatcher;
  }

  public E instance() {
    return instance;
  }

  public EndpointInfo info() {
    return dispatcher;
  }

  public ServerConfig config() {
    return config;
  }

  public StatsCounters stats() {
    return stats;
  }

  public EndpointMetrics metrics() {
    return sessionServices.metrics();
  }

  public ExecutorService workers() {
    return workers;
  }

  public SessionRegistry sessions() {
    return sessions;
  }

  public RoomRegistry rooms() {
    return rooms;
  }

  public EndpointPresence presence() {
    return presence;
  }

  public EndpointBroadcaster broadcaster() {
    return broadcaster;
  }

  /** Whether {@code handler} carries {@code @NonBlocking}, and may run on the IO thread. */
  boolean nonBlocking(EndpointDispatcher.Handler handler) {
    return nonBlockingHandlers.contains(handler);
  }

  CommandInfo command(String name) {
    return commands.get(name);
  }

  String helpText() {
    return helpText;
  }
}
