package io.switchboard.undertow;

import io.switchboard.undertow.handshake.HandshakeHook;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The resolved configuration of one server: builder values, else system properties and
 * environment, else defaults. See {@code docs/configuration.md} for each key.
 *
 * @param allowedOrigins origins allowed besides the request's own; {@code ["*"]} allows any
 * @param rateLimit messages per second per session; 0 disables the limit
 * @param idleTimeout closes a session that sent no message for this long; zero disables it
 * @param statsPath the path of the read-only JSON stats endpoint, or null when it is off
 * @param refusalCloseCodes whether a hook's refusal of a browser is an upgrade closed with 4401/4403
 */
public record ServerConfig(
    int port,
    String host,
    String staticFiles,
    List<String> allowedOrigins,
    int maxMessageSize,
    int maxConnections,
    Duration pingInterval,
    Duration pongTimeout,
    Duration idleTimeout,
    int rateLimit,
    int rateBurst,
    int rateStrikes,
    long maxQueuedBytes,
    boolean compression,
    int ioThreads,
    int handlerThreads,
    Duration closeTimeout,
    boolean shutdownHook,
    Duration shutdownTimeout,
    String statsPath,
    Tls tls,
    HandshakeHook handshakeHook,
    boolean refusalCloseCodes) {

  /**
   * Where the TLS certificate comes from: a PKCS#12 keystore, or PEM certificate and key files.
   * Null fields are unused.
   */
  public record Tls(Path keystore, char[] keystorePassword, Path certificate, Path privateKey) {}

  /** Whether any origin is allowed. */
  public boolean anyOrigin() {
    return allowedOrigins.contains("*");
  }
}
