package io.switchboard.undertow.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchboard.undertow.testing.WsClient;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** annotations.md's {@code @PathParam} example, taken from the page, compiled and served. */
class PathParamDocsTest {

  @TempDir Path work;

  @Test
  void theAuctionExampleJoinsOneRoomPerItem() throws Exception {
    List<String> blocks = MarkdownBlocks.of("annotations.md", "java");
    String example = blocks.stream().filter(b -> b.contains("@PathParam")).findFirst().orElseThrow();
    Map<String, String> sources = Map.of(
        "com.example.auction.AuctionEndpoint", example,
        "docs.Start",
        """
        package docs;
        public class Start {
          public static AutoCloseable run() {
            return io.switchboard.undertow.Switchboard.server().host("127.0.0.1").port(0).shutdownHook(false)
                .classLoader(Start.class.getClassLoader()).start();
          }
        }
        """);
    try (URLClassLoader loader = DocsCompiler.compile(work, sources);
        AutoCloseable server = (AutoCloseable) loader.loadClass("docs.Start").getMethod("run").invoke(null);
        WsClient lamp = WsClient.connect(port(server), "/items/lamp");
        WsClient lampWatcher = WsClient.connect(port(server), "/items/lamp");
        WsClient chair = WsClient.connect(port(server), "/items/chair")) {
      // Any reply means @OnOpen has run: it comes before a session's first message.
      lampWatcher.send("help").next();
      chair.send("help").next();

      assertEquals(
          "{\"re\":1,\"cmd\":\"bid\",\"data\":\"12.50 on lamp\"}",
          lamp.send("{\"cmd\":\"bid\",\"id\":1,\"data\":{\"amount\":12.50}}").next());

      assertEquals("{\"event\":\"bid\",\"data\":{\"amount\":12.50}}", lampWatcher.next());
      assertEquals(null, chair.poll(Duration.ofMillis(300)));
    }
  }

  /** The server lives in the example's class loader: its own SwitchboardServer class. */
  private static int port(Object server) throws Exception {
    return (int) server.getClass().getMethod("port").invoke(server);
  }
}
