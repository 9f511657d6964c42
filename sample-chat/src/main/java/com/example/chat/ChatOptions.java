package com.example.chat;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The command line of the chat server. Every flag is optional; what a flag leaves out, the runtime
 * takes from its own settings: the system property {@code switchboard.<key>} or the environment
 * variable {@code SWITCHBOARD_<KEY>} ({@code SWITCHBOARD_PORT}…), else its default.
 *
 * @param port the port to listen on, 0 for any free one; null for the runtime's setting
 * @param host the address to bind; null for the runtime's setting
 * @param keystore a PKCS#12 keystore for wss://, or null
 * @param keystorePassword the keystore's password, or null
 * @param certificate a PEM certificate chain for wss://, or null
 * @param privateKey the PEM private key of {@code certificate}, or null
 * @param cluster the cluster bus URI, e.g. {@code redis://127.0.0.1:6379}; null for the runtime's
 *     setting
 * @param help whether to print the usage and exit
 */
public record ChatOptions(
    Integer port,
    String host,
    Path keystore,
    String keystorePassword,
    Path certificate,
    Path privateKey,
    String cluster,
    boolean help) {

  public static final String USAGE =
      """
      Usage: java -jar switchboard-sample-chat.jar [options]

      Starts the Switchboard sample chat: the page on http://localhost:8080/, the chat on
      ws://localhost:8080/chat and an echo endpoint on ws://localhost:8080/echo.

      Options:
        --port N                 port to listen on, 0 for any free port (default 8080)
        --host ADDRESS           address to bind (default 0.0.0.0, every interface)
        --tls-keystore FILE      serve https:// and wss:// with this PKCS#12 keystore...
        --tls-password PASSWORD  ...and its password
        --tls-cert FILE          serve https:// and wss:// with this PEM certificate chain...
        --tls-key FILE           ...and this unencrypted PEM private key
        --cluster URI            run as one node of a cluster over Redis, e.g.
                                 redis://127.0.0.1:6379 (see docs/scaling.md)
        --help                   print this help and exit

      Without a flag, the setting comes from the environment: SWITCHBOARD_PORT, SWITCHBOARD_HOST,
      SWITCHBOARD_TLS_KEYSTORE, SWITCHBOARD_TLS_KEYSTORE_PASSWORD, SWITCHBOARD_TLS_CERT,
      SWITCHBOARD_TLS_KEY, SWITCHBOARD_CLUSTER, and the others of docs/configuration.md.
      """;

  /** Whether a TLS flag was given. */
  public boolean tls() {
    return keystore != null || certificate != null;
  }

  /**
   * Parses the arguments.
   *
   * @throws IllegalArgumentException with a message for the user
   */
  public static ChatOptions parse(String... arguments) {
    String[] args = splitEqualsForms(arguments);
    Integer port = null;
    String host = null;
    Path keystore = null;
    String password = null;
    Path certificate = null;
    Path key = null;
    String cluster = null;
    boolean help = false;
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      switch (flag) {
        case "--help", "-h" -> help = true;
        case "--port" -> port = port(value(args, ++i, flag));
        case "--host" -> host = value(args, ++i, flag);
        case "--tls-keystore" -> keystore = file(value(args, ++i, flag), flag);
        case "--tls-password" -> password = value(args, ++i, flag);
        case "--tls-cert" -> certificate = file(value(args, ++i, flag), flag);
        case "--tls-key" -> key = file(value(args, ++i, flag), flag);
        case "--cluster" -> cluster = value(args, ++i, flag);
        default -> throw new IllegalArgumentException("unknown option " + flag + " (see --help)");
      }
    }
    if (keystore != null && certificate != null) {
      throw new IllegalArgumentException(
          "use either --tls-keystore or --tls-cert/--tls-key, not both");
    }
    if (keystore != null && password == null) {
      throw new IllegalArgumentException("--tls-keystore needs --tls-password");
    }
    if ((certificate == null) != (key == null)) {
      throw new IllegalArgumentException("--tls-cert and --tls-key go together");
    }
    return new ChatOptions(port, host, keystore, password, certificate, key, cluster, help);
  }

  /** {@code --port=8080} is taken as {@code --port 8080}, as most command lines accept both. */
  private static String[] splitEqualsForms(String[] args) {
    return java.util.Arrays.stream(args)
        .flatMap(arg -> arg.startsWith("--") && arg.indexOf('=') > 2
            ? java.util.stream.Stream.of(arg.substring(0, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1))
            : java.util.stream.Stream.of(arg))
        .toArray(String[]::new);
  }

  private static String value(String[] args, int index, String flag) {
    if (index >= args.length || args[index].startsWith("--")) {
      throw new IllegalArgumentException(flag + " needs a value (see --help)");
    }
    return args[index];
  }

  private static int port(String text) {
    try {
      int port = Integer.parseInt(text);
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below, with the same message as an out-of-range number
    }
    throw new IllegalArgumentException(
        "--port must be a port number 0-65535, not \"" + text + "\"");
  }

  private static Path file(String text, String flag) {
    Path path = Path.of(text);
    if (!Files.isReadable(path)) {
      throw new IllegalArgumentException(flag + ": cannot read " + path.toAbsolutePath());
    }
    return path;
  }
}
