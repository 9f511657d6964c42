package com.example.chat;

import io.switchboard.undertow.SwitchboardServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The training run of the fast start (docs/deployment.md): starts the chat on a free loopback
 * port, serves the page, a chat command and an echo to itself, stops and exits. Run under {@code
 * -XX:ArchiveClassesAtExit}, it leaves a class data sharing archive of every class a real start
 * and first connection load:
 *
 * <pre>java -XX:ArchiveClassesAtExit=chat.jsa -cp switchboard-sample-chat.jar com.example.chat.WarmUp</pre>
 *
 * Exits with 0 when every answer came, 1 otherwise (the archive is then still written, but the
 * run proved nothing).
 */
public final class WarmUp {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private WarmUp() {}

  public static void main(String[] args) throws Exception {
    if (System.getProperty("org.jboss.logging.provider") == null) {
      System.setProperty("org.jboss.logging.provider", "slf4j"); // as Main does
    }
    SwitchboardServer server =
        Main.start(new ChatOptions(0, "127.0.0.1", null, null, null, null, null, false));
    boolean served;
    try {
      served = exercise("http://127.0.0.1:" + server.port() + "/");
    } finally {
      server.stop(Duration.ofSeconds(5));
    }
    System.out.println(served ? "warm-up done" : "warm-up failed: an answer did not come");
    System.exit(served ? 0 : 1);
  }

  /** The page, a command on /chat and an echo on /echo: what a first visitor does. */
  private static boolean exercise(String base) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> page =
        http.send(HttpRequest.newBuilder(URI.create(base)).timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
    String ws = base.replace("http://", "ws://");
    return page.statusCode() == 200
        && answered(http, ws + "chat", "{\"cmd\":\"hello\",\"id\":1}", "\"re\":1")
        && answered(http, ws + "echo", "warm", "warm");
  }

  /** Sends {@code text} and waits for a message containing {@code expected}. */
  private static boolean answered(HttpClient http, String uri, String text, String expected) throws Exception {
    BlockingQueue<String> received = new LinkedBlockingQueue<>();
    WebSocket socket =
        http.newWebSocketBuilder()
            .buildAsync(URI.create(uri), new Collector(received))
            .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    try {
      socket.sendText(text, true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      for (String message = ""; !message.contains(expected); ) {
        message = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        if (message == null) {
          return false;
        }
      }
      return true;
    } finally {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "warm").get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }
  }

  private record Collector(BlockingQueue<String> received) implements WebSocket.Listener {
    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      received.add(data.toString());
      socket.request(1);
      return null;
    }
  }
}
