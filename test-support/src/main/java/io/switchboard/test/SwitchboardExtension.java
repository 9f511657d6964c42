package io.switchboard.test;

import io.switchboard.undertow.ServerBuilder;
import io.switchboard.undertow.SwitchboardServer;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs an app's server for the tests of a class, on a free loopback port, and hands out connected
 * {@link WsTestClient}s that it closes after each test.
 *
 * <pre>{@code
 * class ChatTest {
 *   @RegisterExtension
 *   static final SwitchboardExtension app = SwitchboardExtension.of(Main::server);
 *
 *   @Test
 *   void hello() {
 *     assertEquals("Hello, human", app.client("/chat").call("hello").asText());
 *   }
 * }
 * }</pre>
 *
 * <p>In a {@code static} field the server starts once before the class's first test and stops after
 * its last; in an instance field it starts and stops around every test. The supplier gives the
 * app's own configuration (typically the same method its {@code main} uses), and the extension
 * overrides only where it listens: port 0 (a free one) on 127.0.0.1. The URIs it hands out are
 * {@code ws://} and {@code http://}: test a TLS configuration with a {@link WsTestClient} built on
 * its own.
 */
public final class SwitchboardExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

  private static final Duration STOP_GRACE = Duration.ofSeconds(5);

  /** How long a new client's session may take to be registered: far more than it ever does. */
  private static final Duration REGISTRATION_WAIT = Duration.ofSeconds(10);

  private final Supplier<ServerBuilder> configuration;
  private final List<WsTestClient> clients = new ArrayList<>();
  private SwitchboardServer server;
  private String startedBy;

  private SwitchboardExtension(Supplier<ServerBuilder> configuration) {
    this.configuration = Objects.requireNonNull(configuration, "configuration");
  }

  /**
   * An extension for the server this supplier configures; called once per start.
   *
   * @param configuration a configured, not yet started builder, e.g. {@code () ->
   *     Switchboard.server().endpoint(new ChatEndpoint())}
   */
  public static SwitchboardExtension of(Supplier<ServerBuilder> configuration) {
    return new SwitchboardExtension(configuration);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    startFor(context);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    startFor(context);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    closeClients();
    stopIfStartedBy(context);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    closeClients();
    stopIfStartedBy(context);
  }

  /** The running server: for its broadcaster, sessions, rooms and stats. */
  public SwitchboardServer server() {
    if (server == null) {
      throw new IllegalStateException(
          "the server is not running: register the extension with @RegisterExtension and use it"
              + " from a test or a @BeforeEach method");
    }
    return server;
  }

  /** The port the server listens on. */
  public int port() {
    return server().port();
  }

  /** {@code ws://127.0.0.1:<port><path>}. */
  public URI uri(String path) {
    return URI.create("ws://127.0.0.1:" + port() + absolute(path));
  }

  /** {@code http://127.0.0.1:<port><path>}: the page, {@code /switchboard.js}, static files. */
  public URI httpUri(String path) {
    return URI.create("http://127.0.0.1:" + port() + absolute(path));
  }

  /** A client connected to {@code path}, closed after the test. */
  public WsTestClient client(String path) {
    return client(path, options -> {});
  }

  /**
   * A client connected to {@code path} with options (origin, subprotocols, headers, timeout),
   * closed after the test.
   *
   * <pre>
   * {@code WsTestClient client = app.client("/chat", options -> options.subprotocols("chat.v2"));}
   * </pre>
   */
  public WsTestClient client(String path, Consumer<WsTestClient.Builder> options) {
    WsTestClient.Builder builder = WsTestClient.builder(uri(path));
    options.accept(builder);
    long accepted = server().stats().connections();
    WsTestClient client = builder.connect();
    synchronized (clients) {
      clients.add(client);
    }
    awaitRegistered(client, accepted);
    return client;
  }

  /**
   * Returns once the server has registered the new connection's session, or closed the connection
   * (a handshake hook's refusal to a browser is a close frame after the upgrade). The client has
   * the upgrade's 101 a moment before the server's connection callback adds the session to its
   * endpoint, and a broadcast made in between, by another client of the same test, would not reach
   * it; the server counts a connection once its session is registered.
   */
  private void awaitRegistered(WsTestClient client, long acceptedBefore) {
    long deadline = System.nanoTime() + REGISTRATION_WAIT.toNanos();
    while (server().stats().connections() <= acceptedBefore && client.isOpen()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("the server did not register the session within " + REGISTRATION_WAIT);
      }
      LockSupport.parkNanos(100_000);
    }
  }

  /** Starts the server unless it runs already (for an outer class of a {@code @Nested} one). */
  private void startFor(ExtensionContext context) {
    if (server == null) {
      server = configuration.get().host("127.0.0.1").port(0).start();
      startedBy = context.getUniqueId();
    }
  }

  /** Stops the server at the end of the class or test that started it. */
  private void stopIfStartedBy(ExtensionContext context) {
    if (server != null && context.getUniqueId().equals(startedBy)) {
      try {
        server.stop(STOP_GRACE);
      } finally {
        server = null;
        startedBy = null;
      }
    }
  }

  private void closeClients() {
    List<WsTestClient> open;
    synchronized (clients) {
      open = new ArrayList<>(clients);
      clients.clear();
    }
    open.forEach(WsTestClient::close);
  }

  private static String absolute(String path) {
    return path.startsWith("/") ? path : "/" + path;
  }
}
