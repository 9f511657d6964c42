package io.switchboard.test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Assertions;

/**
 * A real {@code redis-server} for tests of a clustered app: started on a free loopback port with
 * nothing saved to disk, stopped by {@link #close()}. It can be killed ({@code SIGKILL}) and
 * started again on the same port, to test an outage.
 *
 * <pre>{@code
 * try (RedisServer redis = RedisServer.start()) {
 *   var node = Switchboard.server().port(0).cluster(redis.uri()).start();
 * }
 * }</pre>
 *
 * <p>Where no {@code redis-server} is installed, the test is skipped with a loud message; under
 * {@code CI=true} it fails instead, since there a missing server is a broken setup.
 */
public final class RedisServer implements AutoCloseable {

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(10);

  private final Path binary;
  private final int port;
  private final String password;
  private Process process;

  private RedisServer(Path binary, int port, String password) {
    this.binary = binary;
    this.port = port;
    this.password = password;
  }

  /** Starts a server without a password. */
  public static RedisServer start() {
    return start(null);
  }

  /** Starts a server that requires {@code password} (null for none). */
  public static RedisServer start(String password) {
    RedisServer server = new RedisServer(binary(), freePort(), password);
    server.restart();
    return server;
  }

  /** The URI a cluster setting takes: {@code redis://[:password@]127.0.0.1:port}. */
  public String uri() {
    return "redis://" + (password == null ? "" : ":" + password + "@") + "127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** The server's process id, e.g. to read its CPU time. */
  public long pid() {
    return process.pid();
  }

  /** Kills the server at once ({@code SIGKILL}): connections drop, nothing is said. */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Starts the server again on the same port (after {@link #kill()}), empty. */
  public void restart() {
    List<String> command = new ArrayList<>(List.of(
        binary.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
        "--save", "", "--appendonly", "no", "--protected-mode", "no"));
    if (password != null) {
      command.addAll(List.of("--requirepass", password));
    }
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    awaitReady();
  }

  private void awaitReady() {
    CompletableFuture<Boolean> ready = new CompletableFuture<>();
    StringBuilder log = new StringBuilder();
    Thread reader = new Thread(() -> {
      try (BufferedReader out = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          synchronized (log) {
            log.append(line).append('\n');
          }
          if (line.contains("Ready to accept connections")) {
            ready.complete(true);
          }
        }
      } catch (IOException e) {
        // the process ended
      }
      ready.complete(false);
    }, "redis-server-" + port);
    reader.setDaemon(true);
    reader.start();
    try {
      if (!ready.get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("redis-server did not start:\n" + log);
      }
    } catch (Exception e) {
      process.destroyForcibly();
      throw new IllegalStateException("redis-server on port " + port + " not ready:\n" + log, e);
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  private static Path binary() {
    for (String candidate : List.of("/usr/bin/redis-server", "/usr/local/bin/redis-server")) {
      Path path = Path.of(candidate);
      if (Files.isExecutable(path)) {
        return path;
      }
    }
    String message =
        "redis-server is not installed: this test needs a real Redis (apt-get install redis-server)";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      Assertions.fail(message);
    }
    System.err.println("SKIPPED: " + message);
    Assumptions.abort(message);
    return null;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
