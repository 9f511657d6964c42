package io.switchboard.bench.fanout;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Opens listen-only WebSocket connections for the load generator. Two implementations, so that
 * the run can show which client holds 10,000 connections on 2 cores.
 */
interface Connector extends AutoCloseable {

  /**
   * Opens one connection; every text message it receives goes to {@code onText}, on the client's
   * IO thread, one message at a time per connection, and {@code onClose} runs once when it closes
   * (the server may close a subscriber that falls behind: its slow-consumer policy).
   *
   * @return completes once the handshake succeeded
   */
  CompletableFuture<Void> connect(URI uri, Consumer<String> onText, Runnable onClose);

  /** Releases the client's threads; the process exits right after. */
  @Override
  void close();

  /** The client named on the command line: {@code undertow} or {@code jdk}. */
  static Connector named(String name) throws java.io.IOException {
    return switch (name) {
      case "undertow" -> new UndertowConnector();
      case "jdk" -> new JdkConnector();
      default -> throw new IllegalArgumentException("unknown client " + name + ": undertow or jdk");
    };
  }
}
