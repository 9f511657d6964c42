package io.switchboard.undertow;

import io.switchboard.spi.EndpointDispatcher;
import io.switchboard.undertow.handshake.HandshakeHook;
import io.switchboard.undertow.history.HistoryRule;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Configures a server; {@link #start()} starts it. Each setting not set here is read from the
 * system property {@code switchboard.<key>} or the environment variable {@code SWITCHBOARD_<KEY>},
 * else takes its default; {@code docs/configuration.md} lists them all.
 *
 * <pre>{@code
 * SwitchboardServer server = Switchboard.server().port(8080).start();
 * }</pre>
 */
public final class ServerBuilder {

  private final Settings settings;
  private final List<EndpointRegistration<?>> endpoints = new ArrayList<>();
  /** Values set here, checked; a key present with null is set off. */
  private final Map<Setting<?>, Object> given = new HashMap<>();
  private HandshakeHook handshakeHook;
  private Object meterRegistry;
  private ClassLoader classLoader;

  ServerBuilder(Settings settings) {
    this.settings = settings;
  }

  /** The TCP port; 0 picks a free one ({@link SwitchboardServer#port()}). Default 8080. */
  public ServerBuilder port(int port) {
    return set(Keys.PORT, port);
  }

  /** The address to bind. Default {@code 0.0.0.0} (every interface). */
  public ServerBuilder host(String host) {
    return set(Keys.HOST, Objects.requireNonNull(host, "host"));
  }

  /**
   * Serves this endpoint instance (one instance serves every connection). Once any endpoint is
   * registered explicitly, ServiceLoader discovery is off: only registered endpoints are served.
   *
   * @throws IllegalArgumentException if no generated dispatcher exists for its class
   */
  public ServerBuilder endpoint(Object endpoint) {
    Objects.requireNonNull(endpoint, "endpoint");
    endpoints.add(EndpointRegistration.ofInstance(endpoint));
    return this;
  }

  /** Serves an endpoint created once at start by {@code factory}, e.g. from a DI container. */
  public <E> ServerBuilder endpoint(Class<E> type, Supplier<? extends E> factory) {
    endpoints.add(EndpointRegistration.ofFactory(type, factory));
    return this;
  }

  /**
   * Serves an endpoint through a dispatcher given here rather than found by ServiceLoader (for
   * dispatchers written by hand, and tests); {@code endpoint} is its instance.
   */
  public <E> ServerBuilder endpoint(EndpointDispatcher<E> dispatcher, E endpoint) {
    endpoints.add(EndpointRegistration.ofDispatcher(dispatcher, endpoint));
    return this;
  }

  /** The class path root of static files, served on the same port. Default {@code "/web"}. */
  public ServerBuilder staticFiles(String classpathRoot) {
    return set(Keys.STATIC_FILES, Objects.requireNonNull(classpathRoot, "classpathRoot"));
  }

  /**
   * Origins allowed to open WebSockets besides the server's own (an Origin whose host and port are
   * those of the Host header) and clients that send no Origin: full origins such as {@code
   * "https://app.example.com"}, {@code "null"} for pages opened from disk and sandboxed frames (see
   * docs/security.md before you do), or {@code "*"} for any. Default: none besides the own origin.
   */
  public ServerBuilder allowedOrigins(String... origins) {
    return set(Keys.ALLOWED_ORIGINS, List.copyOf(Arrays.asList(origins)));
  }

  /** The largest text or binary message accepted; larger closes with 1009. Default 64 KiB. */
  public ServerBuilder maxMessageSize(int bytes) {
    return set(Keys.MAX_MESSAGE_SIZE, bytes);
  }

  /** Open WebSocket connections allowed; beyond, the upgrade gets HTTP 503. Default 20000. */
  public ServerBuilder maxConnections(int connections) {
    return set(Keys.MAX_CONNECTIONS, connections);
  }

  /**
   * How long a connection may take to send its HTTP request head (the upgrade request), counted
   * from its first byte, and how long it may stay silent before sending one; then it is dropped,
   * so slow clients cannot hold connections. Default 10 s.
   */
  public ServerBuilder handshakeTimeout(Duration timeout) {
    return set(Keys.HANDSHAKE_TIMEOUT, Objects.requireNonNull(timeout, "timeout"));
  }

  /**
   * The largest HTTP request head, request line and headers together; a longer one gets 400 and
   * the connection is closed without reading the rest. Default 8 KiB.
   */
  public ServerBuilder maxHeaderSize(int bytes) {
    return set(Keys.MAX_HEADER_SIZE, bytes);
  }

  /** How often the server pings each session; zero disables heartbeats. Default 30 s. */
  public ServerBuilder pingInterval(Duration interval) {
    return set(Keys.PING_INTERVAL, Objects.requireNonNull(interval));
  }

  /** How long a ping may wait for its pong before the session is closed. Default 10 s. */
  public ServerBuilder pongTimeout(Duration timeout) {
    return set(Keys.PONG_TIMEOUT, Objects.requireNonNull(timeout));
  }

  /** Closes a session that sent no message for this long; zero (the default) disables it. */
  public ServerBuilder idleTimeout(Duration timeout) {
    return set(Keys.IDLE_TIMEOUT, Objects.requireNonNull(timeout));
  }

  /**
   * Messages per second each session may send (token bucket of {@code burst} tokens); 0 disables
   * the limit. Default 1000 per second, burst 2000: a flood guard that no human-driven client
   * reaches.
   */
  public ServerBuilder rateLimit(int perSecond, int burst) {
    return set(Keys.RATE_LIMIT, perSecond).set(Keys.RATE_BURST, burst);
  }

  /**
   * The bound of each session's outbound queue in bytes; beyond it the slow-consumer policy
   * applies. Default 4 MiB: a burst of large pushes to a client that reads, but a moment late,
   * must not count as slow.
   */
  public ServerBuilder maxQueuedBytes(long bytes) {
    return set(Keys.MAX_QUEUED_BYTES, bytes);
  }

  /** Offers permessage-deflate to clients that ask for it. Default off. */
  public ServerBuilder compression(boolean enabled) {
    return set(Keys.COMPRESSION, enabled);
  }

  /** IO threads (non-blocking network work). Default: the number of cores, at least 2. */
  public ServerBuilder ioThreads(int threads) {
    return set(Keys.IO_THREADS, threads);
  }

  /** Threads running handlers that may block. Default: 8 per core, at least 8. */
  public ServerBuilder handlerThreads(int threads) {
    return set(Keys.HANDLER_THREADS, threads);
  }

  /**
   * How long a close frame may wait for the peer's before the connection is dropped. Default 5 s.
   */
  public ServerBuilder closeTimeout(Duration timeout) {
    return set(Keys.CLOSE_TIMEOUT, Objects.requireNonNull(timeout));
  }

  /** Whether a JVM shutdown hook stops the server gracefully. Default true. */
  public ServerBuilder shutdownHook(boolean enabled) {
    return set(Keys.SHUTDOWN_HOOK, enabled);
  }

  /**
   * Whether a {@link HandshakeHook}'s refusal of a browser, a request with an {@code Origin}
   * header, is an accepted upgrade closed at once with 4401 (unauthorized) or 4403 (forbidden) and
   * the reason, which the page can see; browsers hide the HTTP status of a refused upgrade. Clients
   * without {@code Origin} always get the HTTP 401/403. Default true.
   */
  public ServerBuilder refusalCloseCodes(boolean enabled) {
    return set(Keys.REFUSAL_CLOSE_CODES, enabled);
  }

  /**
   * Serves the contract the processor generated, {@code /switchboard/asyncapi.json} and {@code
   * /switchboard/switchboard.d.ts}. Default off: it lists every command an attacker could send.
   */
  public ServerBuilder apiDocs(boolean enabled) {
    return set(Keys.API_DOCS, enabled);
  }

  /** Serves read-only server stats as JSON at this path (e.g. {@code "/stats"}). Default off. */
  public ServerBuilder statsPath(String path) {
    return set(Keys.STATS_PATH, Objects.requireNonNull(path, "path"));
  }

  /**
   * Serves health probes under this path: {@code {path}/live} and {@code {path}/ready} (e.g.
   * {@code "/health"}). Default off.
   */
  public ServerBuilder healthPath(String path) {
    return set(Keys.HEALTH_PATH, Objects.requireNonNull(path, "path"));
  }

  /**
   * Serves the {@code switchboard.*} meters as a Prometheus scrape at this path (e.g. {@code
   * "/metrics"}), on the same port. Needs {@code io.switchboard:switchboard-micrometer} on the
   * class path. Default off.
   */
  public ServerBuilder metricsPath(String path) {
    return set(Keys.METRICS_PATH, Objects.requireNonNull(path, "path"));
  }

  /**
   * Registers the {@code switchboard.*} meters in this Micrometer {@code
   * io.micrometer.core.instrument.MeterRegistry}; needs {@code
   * io.switchboard:switchboard-micrometer} on the class path. (The parameter is an {@code Object}
   * so that the runtime does not depend on Micrometer; {@link #start()} refuses anything else.)
   */
  public ServerBuilder meterRegistry(Object registry) {
    this.meterRegistry = Objects.requireNonNull(registry, "registry");
    return this;
  }

  /** Serves {@code wss://} (and https) with the key and certificate of a PKCS#12 keystore. */
  public ServerBuilder tlsKeystore(Path pkcs12, char[] password) {
    return set(Keys.TLS_KEYSTORE, Objects.requireNonNull(pkcs12, "pkcs12"))
        .set(Keys.TLS_KEYSTORE_PASSWORD, Objects.requireNonNull(password, "password"))
        .set(Keys.TLS_CERT, null)
        .set(Keys.TLS_KEY, null);
  }

  /**
   * Serves {@code wss://} with a PEM certificate chain and an unencrypted PEM private key (PKCS#8
   * {@code BEGIN PRIVATE KEY}, or PKCS#1 {@code BEGIN RSA PRIVATE KEY}).
   */
  public ServerBuilder tlsPem(Path certificateChain, Path privateKey) {
    return set(Keys.TLS_KEYSTORE, null)
        .set(Keys.TLS_CERT, Objects.requireNonNull(certificateChain, "certificateChain"))
        .set(Keys.TLS_KEY, Objects.requireNonNull(privateKey, "privateKey"));
  }

  /**
   * Runs before every WebSocket upgrade, after the origin check: it may reject the request (throw
   * {@link io.switchboard.undertow.handshake.HandshakeRejection}) or attach a principal and
   * attributes to the session. It runs on a worker thread, so it may block.
   */
  public ServerBuilder handshakeHook(HandshakeHook hook) {
    this.handshakeHook = Objects.requireNonNull(hook, "hook");
    return this;
  }

  /** The class loader for ServiceLoader discovery and static files. Default: the context one. */
  public ServerBuilder classLoader(ClassLoader classLoader) {
    this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
    return this;
  }

  /**
   * Starts the server: binds the port, serves every endpoint and the static files, starts the
   * {@code @Every} schedules.
   *
   * @throws IllegalStateException if there is no endpoint to serve or the port cannot be bound
   */
  public SwitchboardServer start() {
    ClassLoader loader = classLoader != null ? classLoader : defaultClassLoader();
    return SwitchboardServer.start(config(), EndpointRegistration.resolve(endpoints, loader), loader);
  }

  /**
   * Joins this server to a cluster of nodes through a cluster bus: {@code redis://host:port},
   * {@code rediss://} (TLS), with a password and database in the URI ({@code
   * redis://:secret@host:6379/2}), or {@code redis-sentinel://}. Broadcasts, rooms, direct messages
   * and presence then reach every node of the same {@link #clusterName(String) cluster name}; see
   * {@code docs/scaling.md}. The bus is found on the class path by the URI's scheme ({@code
   * io.switchboard:switchboard-redis} for Redis). Default: none, a single node.
   */
  public ServerBuilder cluster(String uri) {
    return set(Keys.CLUSTER, Objects.requireNonNull(uri, "uri"));
  }

  /**
   * The prefix of every key and channel of the cluster bus, so that apps sharing one Redis do not
   * see each other. Default {@code switchboard}.
   */
  public ServerBuilder clusterName(String name) {
    return set(Keys.CLUSTER_NAME, Objects.requireNonNull(name, "name"));
  }

  /**
   * Rooms named {@code rooms} (a name, or a prefix ending in {@code *}) keep their last {@code
   * messages} pushes, none older than {@code retention}, numbered by offset, so that a client
   * that comes back after a dropped connection gets what it missed; see {@code
   * docs/broadcast.md}. Call once per rule; the first rule that matches a room applies.
   */
  public ServerBuilder roomHistory(String rooms, int messages, Duration retention) {
    List<HistoryRule> rules = new ArrayList<>();
    @SuppressWarnings("unchecked") // set(ROOM_HISTORY, …) only ever puts a list of rules
    List<HistoryRule> earlier = (List<HistoryRule>) given.get(Keys.ROOM_HISTORY);
    if (earlier != null) {
      rules.addAll(earlier);
    }
    rules.add(new HistoryRule(rooms, messages, retention));
    return set(Keys.ROOM_HISTORY, List.copyOf(rules));
  }

  /** How long a dropped session that asked for recovery waits for its client. Default 2 minutes. */
  public ServerBuilder recoveryWindow(Duration window) {
    return set(Keys.RECOVERY_WINDOW, Objects.requireNonNull(window, "window"));
  }

  /** How many direct messages a dropped session keeps for its client. Default 100. */
  public ServerBuilder recoveryBuffer(int messages) {
    return set(Keys.RECOVERY_BUFFER, messages);
  }

  /** The configuration {@link #start()} would use. */
  public ServerConfig config() {
    return ServerConfig.resolve(given, settings, handshakeHook, meterRegistry);
  }

  private <T> ServerBuilder set(Setting<T> setting, T value) {
    given.put(setting, setting.checked(value));
    return this;
  }

  private static ClassLoader defaultClassLoader() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return context != null ? context : Switchboard.class.getClassLoader();
  }
}
