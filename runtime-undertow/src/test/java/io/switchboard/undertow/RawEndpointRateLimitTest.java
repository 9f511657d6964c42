package io.switchboard.undertow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.chat.EchoEndpoint;
import io.switchboard.undertow.testing.RawWebSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * An {@code @OnText} endpoint speaks its own protocol, so the rate limit, which answers with a
 * {@code rate_limited} command reply, does not apply to it: an echo client sending as fast as the
 * echoes come back (Autobahn|Testsuite 9.7, 9.8) gets every message back.
 */
class RawEndpointRateLimitTest {

  @Test
  void anOnTextEndpointIsNotRateLimited() throws Exception {
    try (SwitchboardServer server =
            Switchboard.server().port(0).host("127.0.0.1").shutdownHook(false)
                .rateLimit(1, 2)
                .endpoint(new EchoEndpoint())
                .start();
        RawWebSocket raw = RawWebSocket.upgrade(server.port(), "/echo")) {
      for (int i = 0; i < 50; i++) {
        byte[] payload = ("message " + i).getBytes(StandardCharsets.UTF_8);
        raw.send(i % 2 == 0 ? RawWebSocket.TEXT : RawWebSocket.BINARY, payload);
        RawWebSocket.Frame echo = raw.read();
        assertArrayEquals(payload, echo.payload(), echo.text());
      }
      assertEquals(0, server.stats().rateLimited());
    }
  }
}
