package io.switchboard.bench.perf;

import com.example.bench.EchoArgs;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.time.Duration;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The hand-written baseline: JSR-356 (Jakarta WebSocket) annotated endpoints with Jackson
 * databind, as an application without a framework would be written. {@code /echo} returns every
 * text message; {@code /cmd} reads {@code {"cmd":"echo","id":n,"args":{…}}} and answers {@code
 * {"id":n,"result":{…}}}.
 *
 * <p>It runs on Jetty 12 (EE10): Undertow's own JSR-356 module, {@code undertow-websockets-jsr},
 * is not served by the package registry this project builds from.
 */
public final class Jsr356Server {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Jsr356Server() {}

  public static void main(String[] args) throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(ServerControl.port(args));
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    server.setHandler(context);
    JakartaWebSocketServletContainerInitializer.configure(
        context,
        (servletContext, container) -> {
          // Jetty closes a session idle for 30 s by default; the idle-connections run lasts longer.
          container.setDefaultMaxSessionIdleTimeout(Duration.ofMinutes(30).toMillis());
          container.addEndpoint(Echo.class);
          container.addEndpoint(Command.class);
        });
    server.start();
    ServerControl.serveUntilStdinCloses();
  }

  /** Sends every text message back. */
  @ServerEndpoint("/echo")
  public static final class Echo {
    @OnMessage
    public String echo(String text) {
      return text;
    }
  }

  /** The JSON command, decoded and encoded by databind. */
  @ServerEndpoint("/cmd")
  public static final class Command {
    private static final ObjectReader REQUEST = MAPPER.readerFor(Request.class);
    private static final ObjectWriter REPLY = MAPPER.writerFor(Reply.class);

    @OnMessage
    public String command(String text) throws IOException {
      Request request = REQUEST.readValue(text);
      if (!"echo".equals(request.cmd())) {
        return REPLY.writeValueAsString(new Reply(request.id(), null));
      }
      return REPLY.writeValueAsString(new Reply(request.id(), request.args()));
    }
  }

  record Request(String cmd, long id, EchoArgs args) {}

  record Reply(long id, EchoArgs result) {}
}
