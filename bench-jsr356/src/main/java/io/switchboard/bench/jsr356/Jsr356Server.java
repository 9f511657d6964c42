package io.switchboard.bench.jsr356;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.switchboard.bench.control.ServerControl;
import io.undertow.Undertow;
import io.undertow.server.DefaultByteBufferPool;
import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.DeploymentManager;
import io.undertow.websockets.jsr.WebSocketDeploymentInfo;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The hand-written baseline: JSR-356 (Jakarta WebSocket) annotated endpoints with Jackson
 * databind on Undertow's own implementation ({@code undertow-websockets-jsr}), with its defaults,
 * as an application without a framework would be written. {@code /echo} returns every text
 * message; {@code /cmd} reads {@code {"cmd":"echo","id":n,"args":{…}}} and answers {@code
 * {"id":n,"result":{…}}}.
 *
 * <p>It runs from a jar of its own: the newest {@code undertow-websockets-jsr} that the registry
 * this project builds from serves is 2.3.20.Final, which needs the {@code undertow-core} of the
 * same version, not the bench's.
 */
public final class Jsr356Server {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Undertow's default buffers for a JVM with more than 128 MiB, as its builder picks them. */
  private static final int BUFFER_SIZE = 16 * 1024 - 20;

  private Jsr356Server() {}

  public static void main(String[] args) throws Exception {
    warningsOnly();
    WebSocketDeploymentInfo webSockets =
        new WebSocketDeploymentInfo()
            .setBuffers(new DefaultByteBufferPool(true, BUFFER_SIZE))
            .addEndpoint(Echo.class)
            .addEndpoint(Command.class);
    DeploymentInfo deployment =
        Servlets.deployment()
            .setClassLoader(Jsr356Server.class.getClassLoader())
            .setContextPath("/")
            .setDeploymentName("jsr356")
            .addServletContextAttribute(WebSocketDeploymentInfo.ATTRIBUTE_NAME, webSockets);
    DeploymentManager manager = Servlets.defaultContainer().addDeployment(deployment);
    manager.deploy();
    Undertow.builder()
        .addHttpListener(ServerControl.port(args), "127.0.0.1")
        .setHandler(manager.start())
        .build()
        .start();
    ServerControl.serveUntilStdinCloses();
  }

  /**
   * Warnings only, as the comparison's other servers are set to log: without SLF4J in this jar,
   * Undertow logs through java.util.logging, configured here.
   */
  private static void warningsOnly() {
    Logger root = Logger.getLogger("");
    root.setLevel(Level.WARNING);
    for (Handler handler : root.getHandlers()) {
      handler.setLevel(Level.WARNING);
    }
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

  /** The command's arguments, sent back as its result: the bench's {@code EchoArgs}. */
  record EchoArgs(String user, long seq, boolean urgent, List<String> tags) {}

  record Request(String cmd, long id, EchoArgs args) {}

  record Reply(long id, EchoArgs result) {}
}
