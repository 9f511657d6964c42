package ${package};

import io.switchboard.undertow.ServerBuilder;
import io.switchboard.undertow.Switchboard;
import io.switchboard.undertow.SwitchboardServer;

/**
 * Starts the app: every {@code @WsEndpoint} class of the project (each one compiled is served, so a
 * new one needs no registration), the page in src/main/resources/web and /switchboard.js.
 */
public final class Main {

  /** The port, unless SWITCHBOARD_PORT (or -Dswitchboard.port) names another. */
  static final int DEFAULT_PORT = ${port};

  private Main() {}

  /**
   * The app's server, configured but not started; the tests start this same configuration on a
   * free port. Settings not made here (host, allowed origins, TLS, limits) come from SWITCHBOARD_*
   * environment variables or their defaults: see configuration.md in the Switchboard docs.
   */
  public static ServerBuilder server() {
    // No .endpoint(...) call: the server serves every compiled endpoint. Registering some
    // explicitly serves exactly those (the start log names the compiled ones left out).
    ServerBuilder server = Switchboard.server();
    // A port set on the builder wins over the environment, so set it only when nothing else does.
    if (System.getenv("SWITCHBOARD_PORT") == null && System.getProperty("switchboard.port") == null) {
      server.port(DEFAULT_PORT);
    }
    return server;
  }

  public static void main(String[] args) {
    SwitchboardServer server = server().start();
    // Ctrl+C (SIGTERM) stops it gracefully: every client gets close code 1001, replies drain.
    System.out.println("Open http://localhost:" + server.port() + "/ in a browser; Ctrl+C stops.");
  }
}
