package io.switchboard.undertow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.CloseReason;
import io.switchboard.undertow.testing.RawWebSocket;
import io.switchboard.undertow.testing.TestDispatcher;
import io.switchboard.undertow.testing.TestEndpoint;
import io.switchboard.undertow.testing.TestServers;
import io.switchboard.undertow.testing.WsClient;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Each limit and its outcome: a close code, an HTTP status or an error reply. */
class LimitsTest {

  @Test
  void textLargerThanMaxMessageSizeClosesWith1009() throws Exception {
    TestEndpoint endpoint = new TestEndpoint();
    try (SwitchboardServer server = TestServers.builder(endpoint).maxMessageSize(1024).start();
        WsClient c = WsClient.connect(server.port(), "/test")) {
      c.send("name " + "x".repeat(1000));
      assertEquals("Hi " + "x".repeat(1000), c.next()); // just under the limit
      c.socket().sendText("name " + "x".repeat(2000), true);
      WsClient.Closed closed = c.awaitClose();
      assertEquals(CloseReason.MESSAGE_TOO_BIG, closed.code());
      c.socket().sendClose(CloseReason.MESSAGE_TOO_BIG, ""); // the client's answer: the code alone
      // @OnClose hears the server's close, with its reason, not the answer's echo
      assertEquals(
          new CloseReason(CloseReason.MESSAGE_TOO_BIG, closed.reason()),
          endpoint.closed.poll(10, TimeUnit.SECONDS));
      assertTrue(!closed.reason().isEmpty(), "the server's close names the limit");
    }
  }

  @Test
  void binaryLargerThanMaxMessageSizeClosesWith1009() throws Exception {
    try (SwitchboardServer server = TestServers.builder(new TestEndpoint()).maxMessageSize(1024).start();
        WsClient c = WsClient.connect(server.port(), "/test")) {
      c.socket().sendBinary(java.nio.ByteBuffer.wrap(new byte[4096]), true);
      assertEquals(CloseReason.MESSAGE_TOO_BIG, c.awaitClose().code());
    }
  }

  @Test
  void defaultMaxMessageSizeIs64KiB() throws Exception {
    try (SwitchboardServer server = TestServers.builder(new TestEndpoint()).start();
        WsClient c = WsClient.connect(server.port(), "/test")) {
      String name = "y".repeat(64 * 1024 - 5); // "name " + name is exactly 64 KiB
      c.send("name " + name);
      assertEquals("Hi " + name, c.next());
      c.socket().sendText("name " + name + "!", true);
      assertEquals(CloseReason.MESSAGE_TOO_BIG, c.awaitClose().code());
    }
  }

  @Test
  void connectionsBeyondTheLimitGet503BeforeTheUpgrade() throws Exception {
    TestEndpoint endpoint = new TestEndpoint();
    try (SwitchboardServer server = TestServers.builder(endpoint).maxConnections(2).start()) {
      WsClient first = WsClient.connect(server.port(), "/test");
      try (WsClient second = WsClient.connect(server.port(), "/test");
          RawWebSocket third = RawWebSocket.upgrade(server.port(), "/test")) {
        assertEquals(StatusCodes.HTTP_SERVICE_UNAVAILABLE, third.status());
        assertEquals(StatusCodes.TOO_MANY_CONNECTIONS, third.body());
        second.send("hello");
        assertEquals("Hello, human", second.next());
      }
      first.close();
      assertEquals(2, awaitClosedCount(endpoint, 2)); // both slots are free again
      try (WsClient again = WsClient.connect(server.port(), "/test")) {
        again.send("hello");
        assertEquals("Hello, human", again.next());
      }
    }
  }

  private static int awaitClosedCount(TestEndpoint endpoint, int count) throws InterruptedException {
    for (int i = 0; i < count; i++) {
      assertTrue(endpoint.closed.poll(10, TimeUnit.SECONDS) != null, "session did not close");
    }
    return count;
  }

  @Test
  void rateLimitRepliesRateLimitedThenClosesWith1008() throws Exception {
    try (SwitchboardServer server = TestServers.builder(new TestEndpoint()).rateLimit(1, 5).start();
        WsClient c = WsClient.connect(server.port(), "/test")) {
      // The bucket holds 5 tokens and gains 1 per second: the first 5 pass, and soon one fails.
      int id = 0;
      String reply;
      do {
        c.send("{\"cmd\":\"touch\",\"id\":" + id + "}");
        reply = c.next();
        id++;
      } while (reply.equals("{\"re\":" + (id - 1) + ",\"cmd\":\"touch\"}") && id < 20);
      assertTrue(id > 5, "the first 5 messages pass");
      assertEquals(
          "{\"re\":" + (id - 1) + ",\"cmd\":\"touch\",\"error\":{\"code\":\"rate_limited\","
              + "\"message\":\"too many messages: at most 1 per second\"}}",
          reply);
      for (int i = 0; i < 30 && !c.closed().isDone(); i++) {
        c.socket().sendText("touch", true);
      }
      WsClient.Closed closed = c.awaitClose();
      assertEquals(StatusCodes.RATE_LIMIT_EXCEEDED.code(), closed.code());
      assertEquals(StatusCodes.RATE_LIMIT_EXCEEDED.reason(), closed.reason());
      assertTrue(server.stats().rateLimited() >= 20);
    }
  }

  @Test
  void binaryWithoutOnBinaryClosesWith1003() throws Exception {
    TestDispatcher textOnly = new TestDispatcher("/test", List.of(), false, 0);
    try (SwitchboardServer server = TestServers.builder(textOnly, new TestEndpoint()).start();
        WsClient c = WsClient.connect(server.port(), "/test")) {
      c.sendBinary(new byte[] {1, 2, 3});
      WsClient.Closed closed = c.awaitClose();
      assertEquals(CloseReason.UNSUPPORTED_DATA, closed.code());
      assertEquals(StatusCodes.BINARY_NOT_SUPPORTED.reason(), closed.reason());
    }
  }
}
