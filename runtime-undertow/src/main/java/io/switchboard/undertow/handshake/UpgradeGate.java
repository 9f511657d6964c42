package io.switchboard.undertow.handshake;

import io.switchboard.undertow.StatusCodes;
import io.switchboard.undertow.metrics.EndpointMetrics;
import io.switchboard.undertow.stats.StatsCounters;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything an upgrade request must pass before Undertow's handshake: the server is not
 * stopping (503), the origin is allowed (403), a connection slot is free (503), one of the offered
 * subprotocols is spoken (400), and the application's {@link HandshakeHook} accepts it (401/403;
 * for a browser, by default, an upgrade closed at once with 4401/4403: see {@link RefusedUpgrade}).
 * A plain GET on an endpoint path gets 426. Each refusal by status closes the connection after its
 * answer.
 */
public final class UpgradeGate implements HttpHandler {

  private static final Logger LOG = LoggerFactory.getLogger(UpgradeGate.class);
  private static final HttpString SEC_WEBSOCKET_PROTOCOL = new HttpString("Sec-WebSocket-Protocol");

  private final String path;
  private final List<String> subprotocols;
  private final OriginPolicy origins;
  private final ConnectionLimiter limiter;
  private final HandshakeHook hook;
  private final Executor hookExecutor;
  private final BooleanSupplier stopping;
  private final StatsCounters stats;
  private final EndpointMetrics metrics;
  private final HttpHandler handshake;
  private final boolean refusalsAsCloseCodes;

  public UpgradeGate(
      String path,
      List<String> subprotocols,
      OriginPolicy origins,
      ConnectionLimiter limiter,
      HandshakeHook hook,
      Executor hookExecutor,
      BooleanSupplier stopping,
      StatsCounters stats,
      EndpointMetrics metrics,
      HttpHandler handshake,
      boolean refusalsAsCloseCodes) {
    this.path = path;
    this.subprotocols = subprotocols;
    this.origins = origins;
    this.limiter = limiter;
    this.hook = hook;
    this.hookExecutor = hookExecutor;
    this.stopping = stopping;
    this.stats = stats;
    this.metrics = metrics;
    this.handshake = handshake;
    this.refusalsAsCloseCodes = refusalsAsCloseCodes;
  }

  /** The handler for requests that reach an endpoint path without a WebSocket upgrade. */
  public static HttpHandler upgradeRequired() {
    return exchange -> {
      exchange.getResponseHeaders().put(Headers.UPGRADE, "websocket");
      respond(exchange, StatusCodes.HTTP_UPGRADE_REQUIRED, StatusCodes.UPGRADE_REQUIRED);
    };
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    if (!isUpgrade(exchange)) {
      upgradeRequired().handleRequest(exchange);
      return;
    }
    // Undertow's handshake would send both of these to the 426 above: tell them apart, as RFC
    // 6455 section 4.2.2 asks, before anything else (origin, hook) looks at the request.
    if (!StatusCodes.WEBSOCKET_VERSION.equals(exchange.getRequestHeaders().getFirst(Headers.SEC_WEB_SOCKET_VERSION))) {
      exchange.getResponseHeaders().put(Headers.SEC_WEB_SOCKET_VERSION, StatusCodes.WEBSOCKET_VERSION);
      refuse(exchange, StatusCodes.HTTP_UPGRADE_REQUIRED, StatusCodes.UNSUPPORTED_VERSION);
      return;
    }
    String key = exchange.getRequestHeaders().getFirst(Headers.SEC_WEB_SOCKET_KEY);
    if (key == null || key.isBlank()) {
      refuse(exchange, StatusCodes.HTTP_BAD_REQUEST, StatusCodes.MISSING_KEY);
      return;
    }
    if (hook != null && exchange.isInIoThread()) {
      exchange.dispatch(hookExecutor, this); // the hook may block: run it on the handler pool
      return;
    }
    if (stopping.getAsBoolean()) {
      refuse(exchange, StatusCodes.HTTP_SERVICE_UNAVAILABLE, StatusCodes.STOPPING);
      return;
    }
    String origin = exchange.getRequestHeaders().getFirst(Headers.ORIGIN);
    String host = exchange.getRequestHeaders().getFirst(Headers.HOST);
    if (!origins.allows(origin, host, exchange.getRequestScheme().equals("https"))) {
      refuse(exchange, StatusCodes.HTTP_FORBIDDEN, StatusCodes.ORIGIN_NOT_ALLOWED + ": " + origin);
      return;
    }
    if (!speaksOfferedSubprotocol(exchange)) {
      refuse(exchange, StatusCodes.HTTP_BAD_REQUEST, StatusCodes.UNSUPPORTED_SUBPROTOCOL);
      return;
    }
    if (!limiter.tryAcquire()) {
      refuse(exchange, StatusCodes.HTTP_SERVICE_UNAVAILABLE, StatusCodes.TOO_MANY_CONNECTIONS);
      return;
    }
    HandshakeRequest request = new HandshakeRequest(exchange, path);
    if (hook != null) {
      try {
        hook.onHandshake(request);
      } catch (HandshakeRejection rejection) {
        if (!refusalsAsCloseCodes || !exchange.getRequestHeaders().contains(Headers.ORIGIN)) {
          limiter.release();
          refuse(exchange, rejection.status(), rejection.reason());
          return;
        }
        // A browser (it sends Origin) could not see the status: upgrade, then close with 44xx.
        RefusedUpgrade refused = RefusedUpgrade.of(rejection);
        stats.handshakeRejected();
        metrics.handshakeRefused(refused.code()); // 4401 or 4403: refused, by close code
        LOG.info("refused upgrade to {} from {}: close {} {}", path, exchange.getSourceAddress(),
            refused.code(), refused.reason());
        exchange.putAttachment(RefusedUpgrade.KEY, refused);
      } catch (RuntimeException e) {
        limiter.release();
        LOG.error("handshake hook failed for {} from {}", path, exchange.getSourceAddress(), e);
        refuse(exchange, 500, "handshake failed");
        return;
      }
    }
    AcceptedHandshake accepted =
        new AcceptedHandshake(
            request.attachedPrincipal(), request.attachedAttributes(), request.pathParams(), limiter);
    exchange.putAttachment(AcceptedHandshake.KEY, accepted);
    exchange.addExchangeCompleteListener(
        (ex, next) -> {
          if (ex.getStatusCode() != 101) {
            accepted.release(); // the handshake itself failed: no session will hold the slot
          }
          next.proceed();
        });
    // A connection that dies between the 101 and the session's creation never reaches the
    // session's close: its TCP close gives the slot back instead (release counts only once).
    exchange.getConnection().addCloseListener(connection -> accepted.release());
    handshake.handleRequest(exchange);
  }

  /** Whether the request asks for a WebSocket (not, say, the h2c upgrade of an HTTP client). */
  static boolean isUpgrade(HttpServerExchange exchange) {
    String upgrade = exchange.getRequestHeaders().getFirst(Headers.UPGRADE);
    return upgrade != null && upgrade.toLowerCase(Locale.ROOT).contains("websocket");
  }

  /** An endpoint that declares subprotocols refuses a client that offers only others. */
  private boolean speaksOfferedSubprotocol(HttpServerExchange exchange) {
    var offered = exchange.getRequestHeaders().get(SEC_WEBSOCKET_PROTOCOL);
    if (subprotocols.isEmpty() || offered == null || offered.isEmpty()) {
      return true;
    }
    return offered.stream()
        .flatMap(value -> Arrays.stream(value.split(",")))
        .map(String::strip)
        .anyMatch(subprotocols::contains);
  }

  private void refuse(HttpServerExchange exchange, int status, String reason) {
    stats.handshakeRejected();
    metrics.handshakeRefused(status);
    LOG.info(
        "refused upgrade to {} from {}: {} {}", path, exchange.getSourceAddress(), status, reason);
    respond(exchange, status, reason);
  }

  private static void respond(HttpServerExchange exchange, int status, String body) {
    // No keep-alive after a refused upgrade: a client that was refused has nothing more to ask on
    // this connection, and one that keeps it open would hold a file descriptor for nothing.
    exchange.setPersistent(false);
    exchange.setStatusCode(status);
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
    exchange.getResponseSender().send(body);
  }
}
