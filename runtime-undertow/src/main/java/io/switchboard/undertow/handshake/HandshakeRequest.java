package io.switchboard.undertow.handshake;

import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.Cookie;
import io.undertow.util.HeaderValues;
import java.net.InetSocketAddress;
import java.security.Principal;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The upgrade request as a {@link HandshakeHook} sees it, and what the hook attaches to the
 * session: a principal ({@code WsSession.principal()}) and attributes ({@code
 * WsSession.attributes()}).
 */
public final class HandshakeRequest {

  private final HttpServerExchange exchange;
  private final String path;
  private Principal principal;
  private Map<String, Object> attributes = Map.of(); // a HashMap once a hook sets one

  HandshakeRequest(HttpServerExchange exchange, String path) {
    this.exchange = exchange;
    this.path = path;
  }

  /** The endpoint path as declared, e.g. {@code "/chat"} or {@code "/items/{item}"}. */
  public String path() {
    return path;
  }

  /**
   * The values of the endpoint's URI template, decoded and already checked against the {@code
   * @PathParam} types: {@code {item=lamp}} for {@code /items/lamp}. Empty for a literal path.
   */
  public Map<String, String> pathParams() {
    return PathTemplateGate.values(exchange);
  }

  /** The client's address (the proxy's, when behind one). */
  public InetSocketAddress remoteAddress() {
    return exchange.getSourceAddress();
  }

  /** The first value of a header, by case-insensitive name. */
  public Optional<String> header(String name) {
    return Optional.ofNullable(exchange.getRequestHeaders().getFirst(name));
  }

  /** Every value of a header; empty when absent. */
  public List<String> headers(String name) {
    HeaderValues values = exchange.getRequestHeaders().get(name);
    return values == null ? List.of() : List.copyOf(values);
  }

  /** The first value of a query parameter ({@code ?token=abc}), decoded. */
  public Optional<String> queryParam(String name) {
    Deque<String> values = exchange.getQueryParameters().get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
  }

  /** Every query parameter and its values. */
  public Map<String, List<String>> queryParams() {
    Map<String, List<String>> params = new HashMap<>();
    exchange.getQueryParameters().forEach((k, v) -> params.put(k, List.copyOf(v)));
    return params;
  }

  /** A cookie's value. */
  public Optional<String> cookie(String name) {
    Cookie cookie = exchange.getRequestCookie(name);
    return cookie == null ? Optional.empty() : Optional.ofNullable(cookie.getValue());
  }

  /** Attaches a principal to the session. */
  public void principal(Principal principal) {
    this.principal = Objects.requireNonNull(principal, "principal");
  }

  /** Attaches an attribute to the session. */
  public void attribute(String name, Object value) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    if (attributes.isEmpty()) {
      attributes = new HashMap<>();
    }
    attributes.put(name, value);
  }

  Principal attachedPrincipal() {
    return principal;
  }

  Map<String, Object> attachedAttributes() {
    return attributes;
  }
}
