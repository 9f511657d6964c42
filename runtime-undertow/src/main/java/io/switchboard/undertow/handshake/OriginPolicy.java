package io.switchboard.undertow.handshake;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which {@code Origin}s may open a WebSocket. Browsers send the page's origin with every upgrade
 * and do not apply the same-origin policy to WebSockets, so this check is what keeps a hostile
 * page from using a visitor's cookies on this server (cross-site WebSocket hijacking).
 *
 * <p>Allowed: requests without an Origin (non-browser clients), the server's own origin (host and
 * port of the {@code Host} header), the configured origins, or anything when {@code "*"} is
 * configured; {@code Origin: null} only when {@code "null"} is configured.
 */
public final class OriginPolicy {

  /** The origin browsers send for pages without one: sandboxed frames, {@code file:} pages. */
  public static final String NULL_ORIGIN = "null";

  private final boolean any;
  private final boolean nullOrigin;
  private final Set<String> allowed;

  public OriginPolicy(List<String> allowedOrigins) {
    this.any = allowedOrigins.contains("*");
    this.nullOrigin = allowedOrigins.contains(NULL_ORIGIN);
    this.allowed =
        allowedOrigins.stream()
            .filter(o -> !o.equals("*") && !o.equals(NULL_ORIGIN))
            .map(o -> {
              String normalized = normalize(o);
              if (normalized == null) {
                throw new IllegalArgumentException(
                    "allowed origin must look like https://host[:port], got \"" + o + "\"");
              }
              return normalized;
            })
            .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * @param origin the Origin header, or null when absent
   * @param host the Host header, or null
   * @param secure whether the request came over TLS (for the Host header's default port)
   */
  public boolean allows(String origin, String host, boolean secure) {
    if (origin == null || any) {
      return true;
    }
    if (origin.strip().equals(NULL_ORIGIN)) {
      return nullOrigin; // only when configured: any sandboxed page anywhere sends it
    }
    String normalized = normalize(origin);
    if (normalized == null) {
      return false; // garbage
    }
    return allowed.contains(normalized) || sameOrigin(URI.create(origin), host, secure);
  }

  private static boolean sameOrigin(URI origin, String hostHeader, boolean secure) {
    if (hostHeader == null || hostHeader.isBlank()) {
      return false;
    }
    String host = hostHeader.strip();
    int port = -1;
    int colon = host.lastIndexOf(':');
    if (colon > host.lastIndexOf(']')) {
      try {
        port = Integer.parseInt(host.substring(colon + 1));
      } catch (NumberFormatException e) {
        return false;
      }
      host = host.substring(0, colon);
    }
    if (!host.equalsIgnoreCase(origin.getHost())) {
      return false;
    }
    int originPort = portOf(origin);
    if (port == -1) {
      // No port in Host: the default of whatever scheme the client used (a TLS proxy in front
      // turns https into plain http, so both defaults count).
      return originPort == 80 || originPort == 443;
    }
    return port == originPort;
  }

  /** {@code scheme://host:port} in lower case with the default port made explicit, or null. */
  static String normalize(String origin) {
    try {
      URI uri = URI.create(origin.strip());
      if (uri.getScheme() == null || uri.getHost() == null) {
        return null;
      }
      return uri.getScheme().toLowerCase(Locale.ROOT) + "://"
          + uri.getHost().toLowerCase(Locale.ROOT) + ":" + portOf(uri);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static int portOf(URI uri) {
    if (uri.getPort() != -1) {
      return uri.getPort();
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    return scheme.equals("https") || scheme.equals("wss") ? 443 : 80;
  }
}
