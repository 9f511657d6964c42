package io.switchboard.undertow;

import io.switchboard.spi.EndpointDispatcher;
import io.switchboard.undertow.handshake.HandshakeHook;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
  private Integer port;
  private String host;
  private String staticFiles;
  private List<String> allowedOrigins;
  private Integer maxMessageSize;
  private Integer maxConnections;
  private Duration pingInterval;
  private Duration pongTimeout;
  private Duration idleTimeout;
  private Integer rateLimit;
  private Integer rateBurst;
  private Long maxQueuedBytes;
  private Boolean compression;
  private Integer ioThreads;
  private Integer handlerThreads;
  private Duration closeTimeout;
  private Boolean shutdownHook;
  private Boolean refusalCloseCodes;
  private String statsPath;
  private ServerConfig.Tls tls;
  private HandshakeHook handshakeHook;
  private ClassLoader classLoader;

  ServerBuilder(Settings settings) {
    this.settings = settings;
  }

  /** The TCP port; 0 picks a free one ({@link SwitchboardServer#port()}). Default 8080. */
  public ServerBuilder port(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range 0-65535: " + port);
    }
    this.port = port;
    return this;
  }

  /** The address to bind. Default {@code 0.0.0.0} (every interface). */
  public ServerBuilder host(String host) {
    this.host = Objects.requireNonNull(host, "host");
    return this;
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
    this.staticFiles = Objects.requireNonNull(classpathRoot, "classpathRoot");
    return this;
  }

  /**
   * Origins allowed to open WebSockets besides the server's own (an Origin whose host and port are
   * those of the Host header) and clients that send no Origin: full origins such as {@code
   * "https://app.example.com"}, or {@code "*"} for any. Default: none besides the own origin.
   */
  public ServerBuilder allowedOrigins(String... origins) {
    this.allowedOrigins = List.copyOf(Arrays.asList(origins));
    return this;
  }

  /** The largest text or binary message accepted; larger closes with 1009. Default 64 KiB. */
  public ServerBuilder maxMessageSize(int bytes) {
    this.maxMessageSize = positive(bytes, "maxMessageSize");
    return this;
  }

  /** Open WebSocket connections allowed; beyond, the upgrade gets HTTP 503. Default 20000. */
  public ServerBuilder maxConnections(int connections) {
    this.maxConnections = positive(connections, "maxConnections");
    return this;
  }

  /** How often the server pings each session; zero disables heartbeats. Default 30 s. */
  public ServerBuilder pingInterval(Duration interval) {
    this.pingInterval = Objects.requireNonNull(interval);
    return this;
  }

  /** How long a ping may wait for its pong before the session is closed. Default 10 s. */
  public ServerBuilder pongTimeout(Duration timeout) {
    this.pongTimeout = Objects.requireNonNull(timeout);
    return this;
  }

  /** Closes a session that sent no message for this long; zero (the default) disables it. */
  public ServerBuilder idleTimeout(Duration timeout) {
    this.idleTimeout = Objects.requireNonNull(timeout);
    return this;
  }

  /**
   * Messages per second each session may send (token bucket of {@code burst} tokens); 0 disables
   * the limit. Default 1000 per second, burst 2000: a flood guard that no human-driven client
   * reaches.
   */
  public ServerBuilder rateLimit(int perSecond, int burst) {
    if (perSecond < 0 || burst < 0) {
      throw new IllegalArgumentException("rate limit must not be negative");
    }
    this.rateLimit = perSecond;
    this.rateBurst = burst;
    return this;
  }

  /**
   * The bound of each session's outbound queue in bytes; beyond it the slow-consumer policy
   * applies. Default 4 MiB: a burst of large pushes to a client that reads, but a moment late,
   * must not count as slow.
   */
  public ServerBuilder maxQueuedBytes(long bytes) {
    if (bytes <= 0) {
      throw new IllegalArgumentException("maxQueuedBytes must be positive: " + bytes);
    }
    this.maxQueuedBytes = bytes;
    return this;
  }

  /** Offers permessage-deflate to clients that ask for it. Default off. */
  public ServerBuilder compression(boolean enabled) {
    this.compression = enabled;
    return this;
  }

  /** IO threads (non-blocking network work). Default: the number of cores, at least 2. */
  public ServerBuilder ioThreads(int threads) {
    this.ioThreads = positive(threads, "ioThreads");
    return this;
  }

  /** Threads running handlers that may block. Default: 8 per core, at least 8. */
  public ServerBuilder handlerThreads(int threads) {
    this.handlerThreads = positive(threads, "handlerThreads");
    return this;
  }

  /**
   * How long a close frame may wait for the peer's before the connection is dropped. Default 5 s.
   */
  public ServerBuilder closeTimeout(Duration timeout) {
    this.closeTimeout = Objects.requireNonNull(timeout);
    return this;
  }

  /** Whether a JVM shutdown hook stops the server gracefully. Default true. */
  public ServerBuilder shutdownHook(boolean enabled) {
    this.shutdownHook = enabled;
    return this;
  }

  /**
   * Whether a {@link HandshakeHook}'s refusal of a browser, a request with an {@code Origin}
   * header, is an accepted upgrade closed at once with 4401 (unauthorized) or 4403 (forbidden) and
   * the reason, which the page can see; browsers hide the HTTP status of a refused upgrade. Clients
   * without {@code Origin} always get the HTTP 401/403. Default true.
   */
  public ServerBuilder refusalCloseCodes(boolean enabled) {
    this.refusalCloseCodes = enabled;
    return this;
  }

  /** Serves read-only server stats as JSON at this path (e.g. {@code "/stats"}). Default off. */
  public ServerBuilder statsPath(String path) {
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("stats path must start with /: " + path);
    }
    this.statsPath = path;
    return this;
  }

  /** Serves {@code wss://} (and https) with the key and certificate of a PKCS#12 keystore. */
  public ServerBuilder tlsKeystore(Path pkcs12, char[] password) {
    this.tls = new ServerConfig.Tls(pkcs12, password, null, null);
    return this;
  }

  /**
   * Serves {@code wss://} with a PEM certificate chain and an unencrypted PEM private key (PKCS#8
   * {@code BEGIN PRIVATE KEY}, or PKCS#1 {@code BEGIN RSA PRIVATE KEY}).
   */
  public ServerBuilder tlsPem(Path certificateChain, Path privateKey) {
    this.tls = new ServerConfig.Tls(null, null, certificateChain, privateKey);
    return this;
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

  /** The configuration {@link #start()} would use. */
  public ServerConfig config() {
    int cores = Runtime.getRuntime().availableProcessors();
    int rate = rateLimit != null ? rateLimit : settings.integer("rate-limit", 1000);
    return new ServerConfig(
        port != null ? port : settings.integer("port", 8080),
        host != null ? host : settings.string("host", "0.0.0.0"),
        staticFiles != null ? staticFiles : settings.string("static-files", "/web"),
        allowedOrigins != null ? allowedOrigins : origins(settings.string("allowed-origins", "")),
        maxMessageSize != null ? maxMessageSize : (int) settings.size("max-message-size", 64 * 1024),
        maxConnections != null ? maxConnections : settings.integer("max-connections", 20_000),
        pingInterval != null ? pingInterval : settings.duration("ping-interval", Duration.ofSeconds(30)),
        pongTimeout != null ? pongTimeout : settings.duration("pong-timeout", Duration.ofSeconds(10)),
        idleTimeout != null ? idleTimeout : settings.duration("idle-timeout", Duration.ZERO),
        rate,
        rateBurst != null ? rateBurst : settings.integer("rate-burst", 2 * rate),
        settings.integer("rate-strikes", 20),
        maxQueuedBytes != null ? maxQueuedBytes : settings.size("max-queued-bytes", 4 * 1024 * 1024),
        compression != null ? compression : settings.bool("compression", false),
        ioThreads != null ? ioThreads : settings.integer("io-threads", Math.max(2, cores)),
        handlerThreads != null
            ? handlerThreads
            : settings.integer("handler-threads", Math.max(8, 8 * cores)),
        closeTimeout != null ? closeTimeout : settings.duration("close-timeout", Duration.ofSeconds(5)),
        shutdownHook != null ? shutdownHook : settings.bool("shutdown-hook", true),
        settings.duration("shutdown-timeout", Duration.ofSeconds(10)),
        statsPath != null ? statsPath : settings.raw("stats-path").orElse(null),
        tls != null ? tls : tlsFromSettings(),
        handshakeHook,
        refusalCloseCodes != null ? refusalCloseCodes : settings.bool("refusal-close-codes", true));
  }

  private ServerConfig.Tls tlsFromSettings() {
    var keystore = settings.raw("tls-keystore");
    if (keystore.isPresent()) {
      char[] password = settings.string("tls-keystore-password", "").toCharArray();
      return new ServerConfig.Tls(Path.of(keystore.get()), password, null, null);
    }
    var cert = settings.raw("tls-cert");
    var key = settings.raw("tls-key");
    if (cert.isPresent() != key.isPresent()) {
      throw new IllegalArgumentException("set both switchboard.tls-cert and switchboard.tls-key");
    }
    return cert.map(c -> new ServerConfig.Tls(null, null, Path.of(c), Path.of(key.get())))
        .orElse(null);
  }

  private static List<String> origins(String list) {
    return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static int positive(int value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
    return value;
  }

  private static ClassLoader defaultClassLoader() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return context != null ? context : Switchboard.class.getClassLoader();
  }
}
