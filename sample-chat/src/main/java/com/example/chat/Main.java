package com.example.chat;

import io.switchboard.undertow.ServerBuilder;
import io.switchboard.undertow.Switchboard;
import io.switchboard.undertow.SwitchboardServer;
import java.time.Duration;

/** Starts the sample chat: {@code java -jar switchboard-sample-chat.jar [--port N] [--help]}. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    // Undertow logs through jboss-logging, which would pick java.util.logging: send it to SLF4J
    // like the rest, configured in simplelogger.properties.
    if (System.getProperty("org.jboss.logging.provider") == null) {
      System.setProperty("org.jboss.logging.provider", "slf4j");
    }
    ChatOptions options;
    try {
      options = ChatOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    if (options.help()) {
      System.out.print(ChatOptions.USAGE);
      return;
    }
    ServerBuilder builder = configure(options);
    String scheme = builder.config().tls() != null ? "https" : "http";
    String host = builder.config().host();
    SwitchboardServer server;
    try {
      server = builder.start();
    } catch (RuntimeException e) {
      System.err.println(startFailure(e, builder.config().port()));
      System.exit(1);
      return;
    }
    System.out.println(
        "Switchboard chat is running: open "
            + pageUrl(scheme, host, server.port())
            + " in two browser tabs");
  }

  /** Starts the chat and echo endpoints and the page as the options say. */
  public static SwitchboardServer start(ChatOptions options) {
    return configure(options).start();
  }

  /** The server the options ask for; what they leave out comes from the runtime's settings. */
  static ServerBuilder configure(ChatOptions options) {
    ServerBuilder builder =
        Switchboard.server()
            .endpoint(new ChatEndpoint())
            .endpoint(new EchoEndpoint())
            .staticFiles("/web")
            // The sample shows its contract: /switchboard/asyncapi.json and switchboard.d.ts.
            .apiDocs(true);
    if (options.port() != null) {
      builder.port(options.port());
    }
    if (options.host() != null) {
      builder.host(options.host());
    }
    if (options.cluster() != null) {
      builder.cluster(options.cluster());
    }
    // A page whose connection dropped gets the lobby's missed lines back (docs/broadcast.md),
    // through any node of a cluster (docs/scaling.md).
    builder.roomHistory(ChatEndpoint.LOBBY, 500, Duration.ofMinutes(2));
    if (options.keystore() != null) {
      builder.tlsKeystore(options.keystore(), options.keystorePassword().toCharArray());
    } else if (options.certificate() != null) {
      builder.tlsPem(options.certificate(), options.privateKey());
    }
    return builder;
  }

  /** One line for a user whose server did not start, rather than a stack trace. */
  static String startFailure(Throwable failure, int port) {
    Throwable cause = failure;
    while (cause.getCause() != null && cause.getCause() != cause) {
      if (cause instanceof java.net.BindException) {
        break;
      }
      cause = cause.getCause();
    }
    if (cause instanceof java.net.BindException) {
      return "Cannot start the chat: port " + port + " is in use (" + cause.getMessage()
          + "); pick another with --port N";
    }
    return "Cannot start the chat: " + cause;
  }

  /** The address to open in a browser; a wildcard bind address is reachable as localhost. */
  static String pageUrl(String scheme, String host, int port) {
    if (host.equals("0.0.0.0") || host.equals("::") || host.isEmpty()) {
      host = "localhost";
    } else if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return scheme + "://" + host + ":" + port + "/";
  }
}
