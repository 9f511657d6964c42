package io.switchboard.undertow;

import io.switchboard.undertow.history.HistoryRule;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Every configuration key, each declared once, in the order of {@code docs/configuration.md}'s
 * table (which {@code ConfigurationPageTest} checks against {@link #ALL}). A new key is one
 * declaration here, an accessor on {@link ServerConfig} and, if it has one, a builder method.
 */
final class Keys {

  private static final int CORES = Runtime.getRuntime().availableProcessors();

  // What several keys share, written once: each lambda or method reference in the source is a
  // class of its own, made as the server starts, so one written at every key that uses it would
  // be made again for each.
  private static final Function<String, String> TEXT = text -> text;
  private static final Function<String, Integer> INTEGER = Settings::parseInteger;
  private static final Function<String, Integer> INT_SIZE = Settings::parseIntSize;
  private static final Function<String, Duration> DURATION = Settings::parseDuration;
  private static final Function<String, Boolean> BOOLEAN = Settings::parseBoolean;
  private static final Function<String, Path> PATH = Path::of;
  private static final Predicate<Integer> POSITIVE = value -> value > 0;
  private static final Predicate<Integer> NOT_NEGATIVE = value -> value >= 0;
  private static final Predicate<String> ABSOLUTE_PATH = path -> path.startsWith("/");

  static final Setting<Integer> PORT =
      Setting.of("port", INTEGER)
          .byDefault(8080)
          .requiring(port -> port >= 0 && port <= 65535, "must be 0-65535")
          .documented("`port(int)`", "`8080`",
              "TCP port for WebSockets, static files and stats; `0` picks a free port"
                  + " (`server.port()` tells which)");

  static final Setting<String> HOST =
      Setting.of("host", TEXT)
          .byDefault("0.0.0.0")
          .documented("`host(String)`", "`0.0.0.0`", "address to bind; `127.0.0.1` for local only");

  static final Setting<String> STATIC_FILES =
      Setting.of("static-files", TEXT)
          .byDefault("/web")
          .documented("`staticFiles(String)`", "`/web`",
              "class path folder served over HTTP on the same port; `/` serves its `index.html`");

  static final Setting<List<String>> ALLOWED_ORIGINS =
      Setting.of("allowed-origins", Settings::parseList)
          .byDefault(List.of())
          .documented("`allowedOrigins(String...)`", "none (same origin only)",
              "comma-separated origins (`https://app.example.com`) allowed besides the server's"
                  + " own, `null` for pages opened from disk (read [security](security.md) first),"
                  + " or `*` for any");

  static final Setting<Integer> MAX_MESSAGE_SIZE =
      Setting.of("max-message-size", INT_SIZE)
          .byDefault(64 * 1024)
          .requiring(POSITIVE, "must be positive")
          .documented("`maxMessageSize(int)`", "`64KiB`",
              "largest text or binary message accepted; larger closes the session with 1009");

  static final Setting<Integer> MAX_CONNECTIONS =
      Setting.of("max-connections", INTEGER)
          .byDefault(20_000)
          .requiring(POSITIVE, "must be positive")
          .documented("`maxConnections(int)`", "`20000`",
              "open WebSocket connections (all endpoints); one more gets HTTP 503 before the"
                  + " upgrade");

  static final Setting<Duration> HANDSHAKE_TIMEOUT =
      Setting.of("handshake-timeout", DURATION)
          .byDefault(Duration.ofSeconds(10))
          .requiring(timeout -> timeout.toMillis() > 0 && timeout.toMillis() <= Integer.MAX_VALUE,
              "must be positive")
          .documented("`handshakeTimeout(Duration)`", "`10s`",
              "a connection whose HTTP request head is not complete this long after its first byte,"
                  + " or that sends nothing for this long, is dropped (slow-loris guard)");

  static final Setting<Integer> MAX_HEADER_SIZE =
      Setting.of("max-header-size", INT_SIZE)
          .byDefault(8 * 1024)
          .requiring(POSITIVE, "must be positive")
          .documented("`maxHeaderSize(int)`", "`8KiB`",
              "largest HTTP request head (request line and headers together); a longer one is"
                  + " answered 431 (414 for a request line alone over it) and the connection closed,"
                  + " without reading the rest");

  static final Setting<Duration> PING_INTERVAL =
      Setting.of("ping-interval", DURATION)
          .byDefault(Duration.ofSeconds(30))
          .documented("`pingInterval(Duration)`", "`30s`",
              "how often the server pings each session; `0` turns heartbeats off");

  static final Setting<Duration> PONG_TIMEOUT =
      Setting.of("pong-timeout", DURATION)
          .byDefault(Duration.ofSeconds(10))
          .documented("`pongTimeout(Duration)`", "`10s`",
              "a ping not answered within this closes the session (1001 `heartbeat timeout`)");

  static final Setting<Duration> IDLE_TIMEOUT =
      Setting.of("idle-timeout", DURATION)
          .byDefault(Duration.ZERO)
          .documented("`idleTimeout(Duration)`", "`0` (off)",
              "a session that sent no message for this long is closed (1001 `idle timeout`);"
                  + " pongs do not count");

  static final Setting<Integer> RATE_LIMIT =
      Setting.of("rate-limit", INTEGER)
          .byDefault(1000)
          .requiring(NOT_NEGATIVE, "must not be negative")
          .documented("`rateLimit(perSecond, burst)`", "`1000`",
              "messages per second per session (token bucket), a flood guard; set it lower for"
                  + " human-driven apps (a chat: `20`); `0` turns the limit off");

  static final Setting<Integer> RATE_BURST =
      Setting.of("rate-burst", INTEGER)
          .byDefault(earlier -> 2 * earlier.get(RATE_LIMIT))
          .requiring(NOT_NEGATIVE, "must not be negative")
          .documented("`rateLimit(perSecond, burst)`", "twice the rate (`2000`)",
              "bucket size: how many messages may come at once");

  static final Setting<Integer> RATE_STRIKES =
      Setting.of("rate-strikes", INTEGER)
          .byDefault(20)
          .requiring(POSITIVE, "must be positive")
          .documented("—", "`20`",
              "refused messages before the bucket refilled completely that close the session"
                  + " (1008)");

  static final Setting<Long> MAX_QUEUED_BYTES =
      Setting.of("max-queued-bytes", Settings::parseSize)
          .byDefault(4L * 1024 * 1024)
          .requiring(bytes -> bytes > 0, "must be positive")
          .documented("`maxQueuedBytes(long)`", "`4MiB`",
              "bound of each session's outbound queue; beyond it the"
                  + " [slow-consumer policy](broadcast.md#slow-consumers) applies");

  static final Setting<Boolean> COMPRESSION =
      Setting.of("compression", BOOLEAN)
          .byDefault(false)
          .documented("`compression(boolean)`", "`false`",
              "negotiate permessage-deflate (RFC 7692) with clients that offer it");

  static final Setting<Integer> IO_THREADS =
      Setting.of("io-threads", INTEGER)
          .byDefault(Math.max(2, CORES))
          .requiring(POSITIVE, "must be positive")
          .documented("`ioThreads(int)`", "cores, at least 2",
              "threads doing non-blocking network work (and `@NonBlocking` handlers)");

  static final Setting<Integer> HANDLER_THREADS =
      Setting.of("handler-threads", INTEGER)
          .byDefault(Math.max(8, 8 * CORES))
          .requiring(POSITIVE, "must be positive")
          .documented("`handlerThreads(int)`", "8 per core, at least 8",
              "worker pool for handlers, `@Every` methods and the handshake hook");

  static final Setting<Duration> CLOSE_TIMEOUT =
      Setting.of("close-timeout", DURATION)
          .byDefault(Duration.ofSeconds(5))
          .documented("`closeTimeout(Duration)`", "`5s`",
              "once the server closes a session, how long the client has to read what is queued"
                  + " and answer the close frame before the TCP connection is dropped");

  static final Setting<Boolean> REFUSAL_CLOSE_CODES =
      Setting.of("refusal-close-codes", BOOLEAN)
          .byDefault(true)
          .documented("`refusalCloseCodes(boolean)`", "`true`",
              "a handshake hook's refusal of a browser (a request with an `Origin` header) is an"
                  + " upgrade closed at once with 4401/4403 and the reason, which the page can see;"
                  + " `false` answers HTTP 401/403 to everyone"
                  + " ([security](security.md#refusals-a-browser-can-see))");

  static final Setting<Boolean> SHUTDOWN_HOOK =
      Setting.of("shutdown-hook", BOOLEAN)
          .byDefault(true)
          .documented("`shutdownHook(boolean)`", "`true`",
              "stop gracefully on SIGTERM / Ctrl-C (JVM shutdown hook)");

  static final Setting<Duration> SHUTDOWN_TIMEOUT =
      Setting.of("shutdown-timeout", DURATION)
          .byDefault(Duration.ofSeconds(10))
          .documented("— (`stop(Duration)` takes its own)", "`10s`",
              "how long the shutdown hook's graceful stop may take");

  static final Setting<String> STATS_PATH =
      Setting.of("stats-path", TEXT)
          .requiring(ABSOLUTE_PATH, "must start with /")
          .documented("`statsPath(String)`", "off",
              "serve `server.stats()` as read-only JSON at this path, e.g. `/stats`");

  static final Setting<String> HEALTH_PATH =
      Setting.of("health-path", TEXT)
          .requiring(ABSOLUTE_PATH, "must start with /")
          .documented("`healthPath(String)`", "off",
              "serve `{path}/live` (200 while the process serves) and `{path}/ready` (200, or 503"
                  + " while stopping or while a readiness check fails), JSON, for load balancers and"
                  + " Kubernetes probes; see [operations](operations.md)");

  static final Setting<String> METRICS_PATH =
      Setting.of("metrics-path", TEXT)
          .requiring(ABSOLUTE_PATH, "must start with /")
          .documented("`metricsPath(String)`", "off",
              "serve the `switchboard.*` meters as a Prometheus scrape at this path, e.g. `/metrics`;"
                  + " needs `switchboard-micrometer`, see [operations](operations.md)");

  static final Setting<Path> TLS_KEYSTORE =
      Setting.of("tls-keystore", PATH)
          .documented("`tlsKeystore(Path, char[])`", "off",
              "PKCS#12 file with the server's key and certificate: serve `wss://` and `https://`");

  static final Setting<char[]> TLS_KEYSTORE_PASSWORD =
      Setting.of("tls-keystore-password", String::toCharArray)
          .byDefault(earlier -> new char[0])
          .documented("(second argument)", "empty", "its password");

  static final Setting<Path> TLS_CERT =
      Setting.of("tls-cert", PATH)
          .documented("`tlsPem(Path cert, Path key)`", "off",
              "PEM certificate chain (server certificate first)");

  static final Setting<Path> TLS_KEY =
      Setting.of("tls-key", PATH)
          .documented("(second argument)", "off",
              "PEM private key, unencrypted: PKCS#8 `BEGIN PRIVATE KEY` or PKCS#1"
                  + " `BEGIN RSA PRIVATE KEY`");

  static final Setting<Boolean> API_DOCS =
      Setting.of("api-docs", BOOLEAN)
          .byDefault(false)
          .documented("`apiDocs(boolean)`", "`false`",
              "serve the endpoints' contract at `/switchboard/asyncapi.json` and"
                  + " `/switchboard/switchboard.d.ts`; off by default, since it describes the attack"
                  + " surface ([contract](contract.md))");

  static final Setting<String> CLUSTER =
      Setting.of("cluster", TEXT)
          .requiring(Keys::isUri, "must be a URI such as redis://127.0.0.1:6379")
          .documented("`cluster(String uri)`", "off (in-process bus)",
              "the cluster bus, see [scaling](scaling.md): e.g. `redis://127.0.0.1:6379`");

  static final Setting<String> CLUSTER_NAME =
      Setting.of("cluster-name", TEXT)
          .byDefault("switchboard")
          .requiring(name -> !name.isBlank(), "must not be blank")
          .documented("`clusterName(String)`", "`switchboard`",
              "the cluster bus, see [scaling](scaling.md): prefixes every Redis key and channel,"
                  + " so clusters can share one Redis");

  static final Setting<List<HistoryRule>> ROOM_HISTORY =
      Setting.of("room-history", text -> HistoryRule.parseList(text, DURATION))
          .byDefault(List.of())
          .documented("`roomHistory(String rooms, int messages, Duration retention)`", "none",
              "rooms that keep their last pushes for clients that come back, as"
                  + " `room:messages:retention` rules, e.g. `lobby:500:2m,ticker-*:100:30s`; see"
                  + " [broadcast](broadcast.md#history-and-recovery)");

  static final Setting<Duration> RECOVERY_WINDOW =
      Setting.of("recovery-window", DURATION)
          .byDefault(Duration.ofMinutes(2))
          .documented("`recoveryWindow(Duration)`", "`2m`",
              "how long the session of a client that asked for recovery outlives a dropped"
                  + " connection (its rooms, presence and direct messages kept) before `@OnClose`");

  static final Setting<Integer> RECOVERY_BUFFER =
      Setting.of("recovery-buffer", INTEGER)
          .byDefault(100)
          .requiring(NOT_NEGATIVE, "must not be negative")
          .documented("`recoveryBuffer(int)`", "`100`",
              "direct messages (`toSession`) kept for a session while its connection is away;"
                  + " more and it is told `direct: {recovered: false}`");

  /** Every key, in the order of the page's table. */
  static final List<Setting<?>> ALL =
      List.of(
          PORT, HOST, STATIC_FILES, ALLOWED_ORIGINS, MAX_MESSAGE_SIZE, MAX_CONNECTIONS,
          HANDSHAKE_TIMEOUT, MAX_HEADER_SIZE, PING_INTERVAL, PONG_TIMEOUT, IDLE_TIMEOUT,
          RATE_LIMIT, RATE_BURST, RATE_STRIKES, MAX_QUEUED_BYTES, COMPRESSION, IO_THREADS,
          HANDLER_THREADS, CLOSE_TIMEOUT, REFUSAL_CLOSE_CODES, SHUTDOWN_HOOK, SHUTDOWN_TIMEOUT,
          STATS_PATH, HEALTH_PATH, METRICS_PATH, TLS_KEYSTORE, TLS_KEYSTORE_PASSWORD, TLS_CERT,
          TLS_KEY,
          API_DOCS,
          CLUSTER, CLUSTER_NAME,
          ROOM_HISTORY, RECOVERY_WINDOW, RECOVERY_BUFFER);

  private Keys() {}

  private static boolean isUri(String uri) {
    try {
      return new URI(uri).getScheme() != null;
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }
}
