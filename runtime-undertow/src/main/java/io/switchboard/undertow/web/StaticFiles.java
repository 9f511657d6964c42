package io.switchboard.undertow.web;

import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.ResponseCodeHandler;
import io.undertow.server.handlers.resource.ClassPathResourceManager;
import io.undertow.server.handlers.resource.ResourceHandler;
import io.undertow.util.Headers;
import io.undertow.util.MimeMappings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The HTTP side: static files from the class path, and the browser client script. */
public final class StaticFiles {

  /** Where {@code /switchboard.js} comes from. */
  public static final String CLIENT_SCRIPT = "io/switchboard/undertow/switchboard.js";

  private static final MimeMappings MIME_TYPES =
      MimeMappings.builder(true)
          .addMapping("js", "text/javascript; charset=utf-8")
          .addMapping("mjs", "text/javascript; charset=utf-8")
          .addMapping("html", "text/html; charset=utf-8")
          .addMapping("css", "text/css; charset=utf-8")
          .addMapping("json", "application/json")
          .addMapping("svg", "image/svg+xml")
          .addMapping("webmanifest", "application/manifest+json")
          .addMapping("wasm", "application/wasm")
          .addMapping("txt", "text/plain; charset=utf-8")
          .build();

  private StaticFiles() {}

  /**
   * Files under {@code root} on the class path ({@code "/web"}): {@code /} serves {@code
   * index.html}, no directory listings, 404 for anything missing.
   */
  public static HttpHandler fromClassPath(ClassLoader loader, String root) {
    String prefix = root.replaceAll("^/+", "").replaceAll("/+$", "");
    return new ResourceHandler(
            new ClassPathResourceManager(loader, prefix), ResponseCodeHandler.HANDLE_404)
        .setWelcomeFiles("index.html")
        .setDirectoryListingEnabled(false)
        .setMimeMappings(MIME_TYPES);
  }

  /** Serves the browser client {@code /switchboard.js}, read once; 404 if it is not packaged. */
  public static HttpHandler clientScript(ClassLoader loader) {
    byte[] script = read(loader, CLIENT_SCRIPT);
    if (script == null) {
      return ResponseCodeHandler.HANDLE_404;
    }
    return exchange -> {
      exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/javascript; charset=utf-8");
      exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-cache");
      exchange.getResponseSender().send(java.nio.ByteBuffer.wrap(script));
    };
  }

  private static byte[] read(ClassLoader loader, String resource) {
    try (InputStream in = loader.getResourceAsStream(resource)) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
