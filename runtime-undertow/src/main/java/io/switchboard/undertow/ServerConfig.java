package io.switchboard.undertow;

import io.switchboard.undertow.handshake.HandshakeHook;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The resolved configuration of one server: builder values, else system properties and
 * environment, else defaults. Each accessor reads one key of {@link Keys}; {@code
 * docs/configuration.md} says what each does.
 */
public final class ServerConfig {

  /**
   * Where the TLS certificate comes from: a PKCS#12 keystore, or PEM certificate and key files.
   * Null fields are unused.
   */
  public record Tls(Path keystore, char[] keystorePassword, Path certificate, Path privateKey) {}

  private final Map<Setting<?>, Object> values;
  private final HandshakeHook handshakeHook;
  private final Object meterRegistry;
  private final Tls tls;

  private ServerConfig(
      Map<Setting<?>, Object> values, HandshakeHook handshakeHook, Object meterRegistry) {
    this.values = values;
    this.handshakeHook = handshakeHook;
    this.meterRegistry = meterRegistry;
    this.tls = tls(values); // here, so that a half-set pair fails resolve() and not start()
  }

  /**
   * Resolves every key of {@link Keys}, in order: the value {@code given} on the builder, else
   * the property or environment variable read by {@code settings}, else the default.
   *
   * @throws IllegalArgumentException naming the key whose value is malformed
   */
  static ServerConfig resolve(
      Map<Setting<?>, Object> given,
      Settings settings,
      HandshakeHook handshakeHook,
      Object meterRegistry) {
    Map<Setting<?>, Object> values = new LinkedHashMap<>();
    Setting.Earlier earlier = new Setting.Earlier() {
      @Override
      public <V> V get(Setting<V> setting) {
        return value(values, setting);
      }
    };
    for (Setting<?> setting : Keys.ALL) {
      values.put(setting, setting.resolve(given, settings, earlier));
    }
    return new ServerConfig(values, handshakeHook, meterRegistry);
  }

  @SuppressWarnings("unchecked") // values maps each setting to a value of its type
  private static <T> T value(Map<Setting<?>, Object> values, Setting<T> setting) {
    if (!values.containsKey(setting)) {
      throw new IllegalStateException(setting + " is read before it is resolved");
    }
    return (T) values.get(setting);
  }

  private <T> T get(Setting<T> setting) {
    return value(values, setting);
  }

  public int port() {
    return get(Keys.PORT);
  }

  public String host() {
    return get(Keys.HOST);
  }

  public String staticFiles() {
    return get(Keys.STATIC_FILES);
  }

  /** Origins allowed besides the request's own; {@code ["*"]} allows any. */
  public List<String> allowedOrigins() {
    return get(Keys.ALLOWED_ORIGINS);
  }

  /** Whether any origin is allowed. */
  public boolean anyOrigin() {
    return allowedOrigins().contains("*");
  }

  public int maxMessageSize() {
    return get(Keys.MAX_MESSAGE_SIZE);
  }

  public int maxConnections() {
    return get(Keys.MAX_CONNECTIONS);
  }

  public Duration handshakeTimeout() {
    return get(Keys.HANDSHAKE_TIMEOUT);
  }

  public int maxHeaderSize() {
    return get(Keys.MAX_HEADER_SIZE);
  }

  public Duration pingInterval() {
    return get(Keys.PING_INTERVAL);
  }

  public Duration pongTimeout() {
    return get(Keys.PONG_TIMEOUT);
  }

  /** Closes a session that sent no message for this long; zero disables it. */
  public Duration idleTimeout() {
    return get(Keys.IDLE_TIMEOUT);
  }

  /** Messages per second per session; 0 disables the limit. */
  public int rateLimit() {
    return get(Keys.RATE_LIMIT);
  }

  public int rateBurst() {
    return get(Keys.RATE_BURST);
  }

  public int rateStrikes() {
    return get(Keys.RATE_STRIKES);
  }

  public long maxQueuedBytes() {
    return get(Keys.MAX_QUEUED_BYTES);
  }

  public boolean compression() {
    return get(Keys.COMPRESSION);
  }

  public int ioThreads() {
    return get(Keys.IO_THREADS);
  }

  public int handlerThreads() {
    return get(Keys.HANDLER_THREADS);
  }

  public Duration closeTimeout() {
    return get(Keys.CLOSE_TIMEOUT);
  }

  public boolean shutdownHook() {
    return get(Keys.SHUTDOWN_HOOK);
  }

  /** Whether a hook's refusal of a browser is an upgrade closed with 4401/4403. */
  /** Whether the contract is served at {@code /switchboard/asyncapi.json} and {@code /switchboard/switchboard.d.ts}. */
  public boolean apiDocs() {
    return get(Keys.API_DOCS);
  }

  public boolean refusalCloseCodes() {
    return get(Keys.REFUSAL_CLOSE_CODES);
  }

  public Duration shutdownTimeout() {
    return get(Keys.SHUTDOWN_TIMEOUT);
  }

  /** The path of the read-only JSON stats endpoint, or null when it is off. */
  public String statsPath() {
    return get(Keys.STATS_PATH);
  }

  /** The base path of the health probes ({@code /live}, {@code /ready}), or null when off. */
  public String healthPath() {
    return get(Keys.HEALTH_PATH);
  }

  /** The path of the Prometheus scrape, or null when it is off. */
  public String metricsPath() {
    return get(Keys.METRICS_PATH);
  }

  /** The cluster bus URI ({@code redis://…}), or null for the in-process bus. */
  public String cluster() {
    return get(Keys.CLUSTER);
  }

  /** The name that prefixes every key and channel of the cluster bus. */
  public String clusterName() {
    return get(Keys.CLUSTER_NAME);
  }

  /** Which rooms keep history; empty for none. */
  public java.util.List<io.switchboard.undertow.history.HistoryRule> roomHistory() {
    return get(Keys.ROOM_HISTORY);
  }

  /** How long a dropped session that can recover is kept. */
  public Duration recoveryWindow() {
    return get(Keys.RECOVERY_WINDOW);
  }

  /** How many direct messages a dropped session keeps. */
  public int recoveryBuffer() {
    return get(Keys.RECOVERY_BUFFER);
  }

  /** Where the TLS certificate comes from, or null for plain ws:// and http://. */
  public Tls tls() {
    return tls;
  }

  private static Tls tls(Map<Setting<?>, Object> values) {
    Path keystore = value(values, Keys.TLS_KEYSTORE);
    if (keystore != null) {
      return new Tls(keystore, value(values, Keys.TLS_KEYSTORE_PASSWORD), null, null);
    }
    Path certificate = value(values, Keys.TLS_CERT);
    Path key = value(values, Keys.TLS_KEY);
    if ((certificate == null) != (key == null)) {
      throw new IllegalArgumentException("set both switchboard.tls-cert and switchboard.tls-key");
    }
    return certificate != null ? new Tls(null, null, certificate, key) : null;
  }

  public HandshakeHook handshakeHook() {
    return handshakeHook;
  }

  /** The application's Micrometer {@code MeterRegistry}, or null. */
  public Object meterRegistry() {
    return meterRegistry;
  }
}
