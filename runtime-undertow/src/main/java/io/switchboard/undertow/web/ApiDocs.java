package io.switchboard.undertow.web;

import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.ResponseCodeHandler;
import io.undertow.server.handlers.PathHandler;
import io.undertow.util.Headers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the contract the annotation processor wrote into the class output ({@code docs/contract.md}):
 * {@code /switchboard/asyncapi.json} and {@code /switchboard/switchboard.d.ts}, read once at start.
 * Each compilation that has endpoints writes its own pair; when the class path holds several (the
 * application's endpoints compiled in more than one module), the first one is served and the
 * others are named in a warning, since two documents cannot be joined without their names
 * clashing.
 */
public final class ApiDocs {

  public static final String ASYNCAPI_PATH = "/switchboard/asyncapi.json";
  public static final String TYPESCRIPT_PATH = "/switchboard/switchboard.d.ts";

  private static final String ASYNCAPI = "META-INF/switchboard/asyncapi.json";
  private static final String TYPESCRIPT = "META-INF/switchboard/switchboard.d.ts";
  private static final Logger LOG = LoggerFactory.getLogger(ApiDocs.class);

  private ApiDocs() {}

  /** Adds both paths; a document missing from the class path answers 404. */
  public static void serveOn(PathHandler paths, ClassLoader loader) {
    paths.addExactPath(ASYNCAPI_PATH, document(loader, ASYNCAPI, "application/json"));
    paths.addExactPath(TYPESCRIPT_PATH, document(loader, TYPESCRIPT, "application/typescript; charset=utf-8"));
  }

  private static HttpHandler document(ClassLoader loader, String resource, String contentType) {
    List<URL> found = find(loader, resource);
    if (found.isEmpty()) {
      LOG.warn("api-docs is on but there is no {} on the class path: {} answers 404 (is the Switchboard"
          + " processor on the annotation processor path?)", resource, resource);
      return ResponseCodeHandler.HANDLE_404;
    }
    if (found.size() > 1) {
      LOG.warn("{} contracts on the class path; serving the first, {}; not served: {}", found.size(),
          found.get(0), found.subList(1, found.size()));
    }
    byte[] bytes = read(found.get(0));
    return exchange -> {
      exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, contentType);
      exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-cache");
      exchange.getResponseSender().send(ByteBuffer.wrap(bytes));
    };
  }

  private static List<URL> find(ClassLoader loader, String resource) {
    try {
      return Collections.list(loader.getResources(resource));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + resource, e);
    }
  }

  private static byte[] read(URL url) {
    try (InputStream in = url.openStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + url, e);
    }
  }
}
