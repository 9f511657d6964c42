package io.switchboard.undertow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.testchat.EchoEndpoint;
import io.switchboard.undertow.testing.WsClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** An {@code @OnText}/{@code @OnBinary} endpoint gets raw messages, no command parsing. */
class EchoEndpointTest {

  @Test
  void echoesTextAndBinaryAsIs() throws Exception {
    try (SwitchboardServer server =
            Switchboard.server().port(0).host("127.0.0.1").shutdownHook(false)
                .endpoint(new EchoEndpoint())
                .start();
        WsClient client = WsClient.connect(server.port(), "/echo")) {
      client.send("{\"cmd\":\"hello\"}");
      assertEquals("{\"cmd\":\"hello\"}", client.next());
      client.send("  not a command  ");
      assertEquals("  not a command  ", client.next());
      client.sendBinary(new byte[] {0, 1, 2, (byte) 255});
      assertArrayEquals(new byte[] {0, 1, 2, (byte) 255}, client.nextBinary());
      server.stop(Duration.ofSeconds(1));
      assertEquals(1001, client.awaitClose().code());
    }
  }

  @Test
  void registeringAnEndpointWithoutGeneratedDispatcherIsAClearError() {
    Object notAnEndpoint = new Object();
    IllegalArgumentException error =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class,
            () -> Switchboard.server().port(0).shutdownHook(false).endpoint(notAnEndpoint).start());
    org.junit.jupiter.api.Assertions.assertTrue(error.getMessage().contains("java.lang.Object"), error.getMessage());
  }
}
