package io.switchboard.undertow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.undertow.testing.HookedServerMain;
import io.switchboard.undertow.testing.WsClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** SIGTERM to a JVM running a server: the shutdown hook closes every session with 1001. */
class ShutdownHookTest {

  @Test
  void terminatingTheJvmClosesSessionsGracefully() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process app =
        new ProcessBuilder(
                java, "-cp", System.getProperty("java.class.path"), HookedServerMain.class.getName())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(app.getInputStream()));
      String line = out.readLine();
      assertTrue(line != null && line.startsWith("port "), "app printed " + line);
      int port = Integer.parseInt(line.substring(5));
      try (WsClient first = WsClient.connect(port, "/test");
          WsClient second = WsClient.connect(port, "/test")) {
        first.send("hello");
        assertEquals("Hello, human", first.next());
        app.destroy(); // SIGTERM
        assertEquals(StatusCodes.SERVER_STOPPING.code(), first.awaitClose().code());
        assertEquals(StatusCodes.SERVER_STOPPING.code(), second.awaitClose().code());
      }
      assertTrue(app.waitFor(20, TimeUnit.SECONDS), "the app exited");
    } finally {
      app.destroyForcibly();
    }
  }
}
