package io.switchboard.undertow;

import io.switchboard.Broadcaster;
import io.switchboard.Rooms;
import io.switchboard.Sessions;
import io.switchboard.Presence;
import io.switchboard.json.CodecRegistry;
import io.switchboard.undertow.cluster.ClusterBus;
import io.switchboard.undertow.cluster.ClusterBuses;
import io.switchboard.undertow.cluster.LocalDelivery;
import io.switchboard.undertow.cluster.Target;
import io.switchboard.undertow.dispatch.EndpointRuntime;
import io.switchboard.undertow.handshake.ConnectionLimiter;
import io.switchboard.undertow.health.HealthHandler;
import io.switchboard.undertow.listener.HttpListener;
import io.switchboard.undertow.health.ReadinessCheck;
import io.switchboard.undertow.metrics.MetricsBinder;
import io.switchboard.undertow.metrics.ServerMetrics;
import io.switchboard.undertow.handshake.OriginPolicy;
import io.switchboard.undertow.handshake.PathTemplateGate;
import io.switchboard.undertow.handshake.RefusedUpgrade;
import io.switchboard.undertow.handshake.SharedUpgrade;
import io.switchboard.undertow.handshake.UpgradeGate;
import io.switchboard.undertow.schedule.EveryScheduler;
import io.switchboard.undertow.send.IoThreadWrites;
import io.switchboard.undertow.stats.StatsCounters;
import io.switchboard.undertow.stats.StatsHandler;
import io.switchboard.undertow.tls.TlsContexts;
import io.switchboard.undertow.web.ApiDocs;
import io.switchboard.undertow.web.StaticFiles;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.PathHandler;
import io.undertow.server.handlers.PathTemplateHandler;
import io.undertow.websockets.WebSocketProtocolHandshakeHandler;
import io.undertow.websockets.core.protocol.Handshake;
import io.undertow.websockets.core.protocol.version13.Hybi13Handshake;
import io.undertow.websockets.extensions.PerMessageDeflateHandshake;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.OptionMap;

/**
 * A running server, from {@link ServerBuilder#start()}. {@link #stop(Duration)} (or {@link
 * #close()}) stops it gracefully: no new connections, close 1001 to every session after what is
 * queued for it, wait for the sessions to close, then stop.
 */
public final class SwitchboardServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SwitchboardServer.class);
  /**
   * How long a stop waits past its deadline for the handlers still running or queued, the {@code
   * @OnClose} of the sessions that closed or were dropped at the end above all: an app releases
   * resources or saves state in them. A stop whose handlers are done by then does not wait.
   */
  static final Duration ON_CLOSE_GRACE = Duration.ofSeconds(1);

  private final ServerConfig config;
  private final Map<String, EndpointRuntime<?>> endpoints;
  private final StatsCounters stats;
  private final ClusterBus bus;
  private final ExecutorService workers;
  private final IoThreadWrites.PerThread ioThreadWrites = new IoThreadWrites.PerThread();
  private final EveryScheduler scheduler;
  private final HttpHandler root;
  private final SSLContext tls; // null for plain ws://
  private volatile HttpListener listener; // from start() on
  private final Thread shutdownHook;
  private final HealthHandler health = new HealthHandler();
  private final ServerMetrics metrics;
  private final Object lifecycle = new Object();
  private volatile boolean stopping;
  private boolean stopped; // guarded by lifecycle

  private SwitchboardServer(
      ServerConfig config, List<EndpointRegistration.Bound<?>> bound, ClassLoader loader) {
    this.config = config;
    this.stats = new StatsCounters();
    this.bus = ClusterBuses.forUri(config.cluster(), config.clusterName(), loader);
    this.metrics = MetricsBinder.load(config.meterRegistry(), config.metricsPath(), loader);
    metrics.cluster(bus::connected, bus::droppedPublishes);
    this.workers = handlerPool(config.handlerThreads());
    CodecRegistry codecs = CodecRegistry.load(loader);
    this.endpoints = new LinkedHashMap<>();
    for (EndpointRegistration.Bound<?> b : bound) {
      endpoints.put(b.dispatcher().path(), runtime(b, codecs));
    }
    this.scheduler = new EveryScheduler(workers, stats, bus);
    this.root = handlers(config, loader);
    this.tls = config.tls() != null ? TlsContexts.create(config.tls()) : null; // its errors as they are
    this.shutdownHook =
        config.shutdownHook() ? new Thread(() -> stop(config.shutdownTimeout()), "switchboard-shutdown") : null;
  }

  private <E> EndpointRuntime<E> runtime(EndpointRegistration.Bound<E> b, CodecRegistry codecs) {
    return new EndpointRuntime<>(
        b.dispatcher(), b.endpoint(), config, codecs, stats, metrics.endpoint(b.dispatcher().path()),
        workers, ioThreadWrites, bus);
  }

  /** The local side of the cluster bus: what comes for an endpoint goes to its sessions here. */
  private final class Local implements LocalDelivery {
    @Override
    public int deliver(Target target, byte[] message, String exceptSessionId) {
      EndpointRuntime<?> endpoint = endpoints.get(target.endpoint());
      return endpoint == null ? 0 : endpoint.deliverLocally(target, message, exceptSessionId);
    }

    @Override
    public void deliverNumbered(Target room, long offset, byte[] message, String exceptSessionId) {
      EndpointRuntime<?> endpoint = endpoints.get(room.endpoint());
      if (endpoint != null) {
        endpoint.rooms().deliverNumbered(room.name(), offset, message, exceptSessionId);
      }
    }

    @Override
    public void dropStale(String endpointPath, String sessionId) {
      EndpointRuntime<?> endpoint = endpoints.get(endpointPath);
      if (endpoint != null) {
        endpoint.dropStaleSession(sessionId);
      }
    }

    @Override
    public Kept movedAway(String endpointPath, String sessionId) {
      EndpointRuntime<?> endpoint = endpoints.get(endpointPath);
      return endpoint == null ? null : endpoint.movedAway(sessionId);
    }
  }

  static SwitchboardServer start(
      ServerConfig config, List<EndpointRegistration.Bound<?>> bound, ClassLoader loader) {
    if (bound.isEmpty()) {
      throw new IllegalStateException(
          "no endpoint to serve: none registered on the builder and no generated dispatcher on the"
              + " class path (is switchboard-processor on the annotation processor path?)");
    }
    SwitchboardServer server = new SwitchboardServer(config, bound, loader);
    if (!config.roomHistory().isEmpty() && server.bus.sharedHistory() == null && config.cluster() != null) {
      // An in-memory history numbers a room's pushes on one node; across nodes the offsets would
      // disagree, and a client would be told it recovered what it did not.
      server.workers.shutdownNow();
      server.bus.close();
      throw new IllegalStateException(
          "room history needs a cluster bus that keeps it for every node; this one does not");
    }
    server.bus.start(server.new Local());
    try {
      server.listener = server.listen();
    } catch (RuntimeException e) {
      server.workers.shutdownNow();
      server.bus.close();
      throw new IllegalStateException(
          "cannot listen on " + config.host() + ":" + config.port() + ": " + e.getMessage(), e);
    }
    server.scheduler.start(List.copyOf(server.endpoints.values()));
    if (server.shutdownHook != null) {
      Runtime.getRuntime().addShutdownHook(server.shutdownHook);
    }
    LOG.info(
        "serving {} on {}://{}:{}",
        server.endpoints.keySet(),
        config.tls() != null ? "wss" : "ws",
        config.host(),
        server.port());
    return server;
  }

  private HttpHandler handlers(ServerConfig config, ClassLoader loader) {
    ConnectionLimiter limiter = new ConnectionLimiter(config.maxConnections());
    OriginPolicy origins = new OriginPolicy(config.allowedOrigins());
    // Literal paths first, then URI templates (Undertow's matcher), then the static files.
    HttpHandler staticFiles = StaticFiles.fromClassPath(loader, config.staticFiles());
    PathTemplateHandler templates = new PathTemplateHandler(staticFiles, false);
    PathHandler paths = new PathHandler(templates);
    paths.addExactPath("/switchboard.js", StaticFiles.clientScript(loader));
    if (config.apiDocs()) {
      ApiDocs.serveOn(paths, loader);
    }
    if (config.statsPath() != null) {
      paths.addExactPath(config.statsPath(), new StatsHandler(this::stats));
    }
    health.add(ReadinessCheck.of("accepting", () -> !stopping));
    if (config.cluster() != null) { // a node without its bus would serve its own sessions only
      health.add(ReadinessCheck.of("cluster-bus", bus::connected));
    }
    if (config.healthPath() != null) {
      health.serveOn(paths, config.healthPath());
    }
    if (config.metricsPath() != null) {
      paths.addExactPath(config.metricsPath(), metrics.scrape());
    }
    for (EndpointRuntime<?> endpoint : endpoints.values()) {
      List<String> subprotocols = endpoint.dispatcher().subprotocols();
      Handshake hybi13 = new Hybi13Handshake(new LinkedHashSet<>(subprotocols), config.compression());
      if (config.compression()) {
        hybi13.addExtension(new PerMessageDeflateHandshake(false));
      }
      WebSocketProtocolHandshakeHandler handshake =
          new WebSocketProtocolHandshakeHandler(
              List.of(hybi13), new SharedUpgrade(hybi13, RefusedUpgrade.or(endpoint)),
              UpgradeGate.upgradeRequired());
      HttpHandler gate =
          new UpgradeGate(
              endpoint.path(), subprotocols, origins, limiter, config.handshakeHook(), workers,
              () -> stopping, stats, endpoint.metrics(), handshake, config.refusalCloseCodes());
      if (endpoint.path().contains("{")) {
        templates.add(endpoint.path(), new PathTemplateGate(endpoint.dispatcher(), gate, staticFiles));
      } else {
        paths.addExactPath(endpoint.path(), gate);
      }
    }
    return paths;
  }

  private HttpListener listen() {
    OptionMap options = OptionMap.builder()
        // Undertow's own guards for the request head: its time from the first byte, and the time
        // before a first byte. Its size is enforced in front of Undertow's parser (431 and 414).
        .set(UndertowOptions.REQUEST_PARSE_TIMEOUT, (int) config.handshakeTimeout().toMillis())
        .set(UndertowOptions.NO_REQUEST_TIMEOUT, (int) config.handshakeTimeout().toMillis())
        .set(UndertowOptions.MAX_HEADER_SIZE, config.maxHeaderSize())
        .getMap();
    return HttpListener.start(
        config.host(), config.port(), tls, config.ioThreads(), options, root, metrics::requestHeadRefused);
  }

  private ExecutorService handlerPool(int threads) {
    AtomicInteger count = new AtomicInteger();
    return new ThreadPoolExecutor(
        threads,
        threads,
        60,
        TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(),
        task -> new HandlerThread(this, task, "switchboard-handler-" + count.incrementAndGet()));
  }

  /** A thread of a server's handler pool, so that the server knows when it is called from one. */
  private static final class HandlerThread extends Thread {
    private final SwitchboardServer server;

    HandlerThread(SwitchboardServer server, Runnable task, String name) {
      super(task, name);
      this.server = server;
      setDaemon(true);
    }
  }

  private boolean onOwnHandlerThread() {
    return Thread.currentThread() instanceof HandlerThread thread && thread.server == this;
  }

  /** The bound port: the configured one, or the one picked for port 0. */
  public int port() {
    return listener.port();
  }

  /** The configuration in effect. */
  public ServerConfig config() {
    return config;
  }

  /**
   * Broadcasts to the sessions of the endpoint at {@code path}, from code outside handlers.
   *
   * @throws IllegalArgumentException if no endpoint is served at {@code path}
   */
  public Broadcaster broadcaster(String path) {
    return endpoint(path).broadcaster();
  }

  /** The open sessions of the endpoint at {@code path}, on this node. */
  public Sessions sessions(String path) {
    return endpoint(path).sessions();
  }

  /** The rooms of the endpoint at {@code path}, on this node. */
  public Rooms rooms(String path) {
    return endpoint(path).rooms();
  }

  /** Who is online at the endpoint at {@code path}, on every node. */
  public Presence presence(String path) {
    return endpoint(path).presence();
  }

  /** This node's id in the cluster (a random id on a single node too). */
  public String nodeId() {
    return bus.nodeId();
  }

  /**
   * Adds a condition that {@code {health-path}/ready} consults: while it does not hold, the
   * server answers 503 there, so that load balancers send new clients elsewhere.
   */
  public void addReadinessCheck(ReadinessCheck check) {
    health.add(Objects.requireNonNull(check, "check"));
  }

  /** A snapshot of the server's counters. */
  public ServerStats stats() {
    int open = 0;
    int rooms = 0;
    for (EndpointRuntime<?> endpoint : endpoints.values()) {
      open += endpoint.sessions().count();
      rooms += endpoint.rooms().size();
    }
    return stats.snapshot(open, rooms, bus.connected(), bus.droppedPublishes());
  }

  private EndpointRuntime<?> endpoint(String path) {
    EndpointRuntime<?> endpoint = endpoints.get(path);
    if (endpoint == null) {
      throw new IllegalArgumentException("no endpoint at " + path + "; served: " + endpoints.keySet());
    }
    return endpoint;
  }

  /**
   * Stops gracefully: refuses new connections (503), stops the {@code @Every} schedules, closes
   * every session with 1001 after the messages already queued for it, waits up to {@code timeout}
   * for them to close, then stops listening and drops whatever is left. Every session's {@code
   * @OnClose} still runs: the stop waits for the handlers up to {@link #ON_CLOSE_GRACE} past the
   * timeout. Idempotent.
   *
   * <p>Called from a handler (an admin {@code shutdown} command), it returns at once and the stop
   * goes on in the background: waiting there would hold up the very session it waits for.
   */
  public void stop(Duration timeout) {
    if (onOwnHandlerThread()) {
      Thread stopper = new Thread(() -> stop(timeout), "switchboard-stop");
      stopper.start();
      return;
    }
    synchronized (lifecycle) {
      if (stopped) {
        return;
      }
      stopped = true;
      stopping = true;
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    LOG.info("stopping: closing {} sessions", stats().openSessions());
    scheduler.stop();
    for (EndpointRuntime<?> endpoint : endpoints.values()) {
      endpoint.closeAll(StatusCodes.SERVER_STOPPING);
    }
    awaitSessionsClosed(deadline);
    bus.close();
    listener.stop(); // drops what is left: their @OnClose are queued on the handler pool
    workers.shutdown();
    long wait = Math.max(deadline - System.nanoTime(), ON_CLOSE_GRACE.toNanos());
    try {
      if (!workers.awaitTermination(wait, TimeUnit.NANOSECONDS)) {
        LOG.warn("handlers still running at the stop deadline: interrupting them");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    workers.shutdownNow();
    removeShutdownHook();
    LOG.info("stopped");
  }

  private void awaitSessionsClosed(long deadline) {
    try {
      for (EndpointRuntime<?> endpoint : endpoints.values()) {
        if (!endpoint.sessions().awaitEmpty(deadline)) {
          LOG.info("{} sessions of {} still open at the stop deadline: dropping them",
              endpoint.sessions().count(), endpoint.path());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void removeShutdownHook() {
    if (shutdownHook == null || Thread.currentThread() == shutdownHook) {
      return;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down
    }
  }

  /** {@link #stop(Duration)} with a 5 second timeout. */
  @Override
  public void close() {
    stop(Duration.ofSeconds(5));
  }
}
