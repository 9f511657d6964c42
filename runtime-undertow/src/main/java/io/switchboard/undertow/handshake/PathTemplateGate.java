package io.switchboard.undertow.handshake;

import io.switchboard.spi.EndpointDispatcher;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.Headers;
import io.undertow.util.PathTemplateMatch;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In front of the {@link UpgradeGate} of an endpoint whose path is a URI template: Undertow's
 * {@code PathTemplateHandler} matched the request and left the values on the exchange; this gate
 * converts them as the endpoint's {@code @PathParam} parameters will ({@link
 * EndpointDispatcher#checkPathParams}) and answers 404 when one does not convert, before anything
 * else looks at the request: {@code /lots/abc} is no path of {@code "/lots/{lot}"} with an {@code
 * int lot}, as an unknown path is none. A request that is no WebSocket upgrade goes to the static
 * files instead, so that a template such as {@code "/{room}"} does not hide the page's files.
 */
public final class PathTemplateGate implements HttpHandler {

  private static final Logger LOG = LoggerFactory.getLogger(PathTemplateGate.class);
  private static final AttachmentKey<Map<String, String>> VALUES = AttachmentKey.create(Map.class);

  private final EndpointDispatcher<?> dispatcher;
  private final HttpHandler next;
  private final HttpHandler staticFiles;

  public PathTemplateGate(EndpointDispatcher<?> dispatcher, HttpHandler next, HttpHandler staticFiles) {
    this.dispatcher = dispatcher;
    this.next = next;
    this.staticFiles = staticFiles;
  }

  /** The template values of the request, decoded; empty for a literal path. */
  public static Map<String, String> values(HttpServerExchange exchange) {
    Map<String, String> values = exchange.getAttachment(VALUES);
    return values == null ? Map.of() : values;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    if (!UpgradeGate.isUpgrade(exchange)) {
      staticFiles.handleRequest(exchange);
      return;
    }
    PathTemplateMatch match = exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY);
    Map<String, String> values = match == null ? Map.of() : Map.copyOf(match.getParameters());
    try {
      dispatcher.checkPathParams(values);
    } catch (IOException | RuntimeException notAValue) {
      LOG.debug("404 for {}: {} {}", exchange.getRequestPath(), dispatcher.path(), notAValue.getMessage());
      exchange.setStatusCode(404);
      exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
      exchange.getResponseSender().send("Not Found");
      return;
    }
    exchange.putAttachment(VALUES, values);
    next.handleRequest(exchange);
  }
}
