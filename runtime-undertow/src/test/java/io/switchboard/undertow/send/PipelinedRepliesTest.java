package io.switchboard.undertow.send;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.testchat.EchoEndpoint;
import io.switchboard.undertow.SwitchboardServer;
import io.switchboard.undertow.Switchboard;
import io.switchboard.undertow.testing.PerMessageDeflate;
import io.switchboard.undertow.testing.RawWebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Replies that wait for the IO thread leave together, several frames in one write: whatever the
 * mix of sizes and frame types, and with compression on, every one arrives whole and in order.
 * The client keeps hundreds of requests in flight so that replies pile up behind each write.
 */
class PipelinedRepliesTest {

  static final int MESSAGES = 600;
  static final Map<String, String> DEFLATE = Map.of("Sec-WebSocket-Extensions", "permessage-deflate");

  /** The i-th request: small ones mostly, now and then one past the batch size, binary at times. */
  static RawWebSocket.Frame request(int i) {
    int size = switch (i % 10) {
      case 3 -> 5_000;
      case 7 -> 40_000;
      case 9 -> 0;
      default -> 1 + i % 50;
    };
    byte[] payload = new byte[size];
    for (int b = 0; b < size; b++) {
      payload[b] = (byte) ('a' + (i + b) % 26);
    }
    int opcode = i % 6 == 5 ? RawWebSocket.BINARY : RawWebSocket.TEXT;
    return new RawWebSocket.Frame(true, opcode, payload, 0);
  }

  @Test
  void hundredsInFlightComeBackWholeAndInOrder() throws Exception {
    try (SwitchboardServer server = echoServer(false);
        RawWebSocket client = RawWebSocket.upgrade(server.port(), "/echo")) {
      List<RawWebSocket.Frame> replies = pipeline(client, null);
      for (int i = 0; i < MESSAGES; i++) {
        RawWebSocket.Frame sent = request(i);
        assertEquals(sent.opcode(), replies.get(i).opcode(), "frame type of reply " + i);
        assertArrayEquals(sent.payload(), replies.get(i).payload(), "reply " + i);
      }
      assertEquals(0, server.stats().errors());
      assertEquals(0, server.stats().slowConsumerCloses());
    }
  }

  @Test
  void compressedRepliesInOneWriteStillInflateInOrder() throws Exception {
    try (SwitchboardServer server = echoServer(true);
        RawWebSocket client = RawWebSocket.upgrade(server.port(), "/echo", DEFLATE)) {
      assertTrue(client.head().toLowerCase().contains("permessage-deflate"), client.head());
      PerMessageDeflate deflate = new PerMessageDeflate();
      List<RawWebSocket.Frame> replies = pipeline(client, deflate);
      for (int i = 0; i < MESSAGES; i++) {
        RawWebSocket.Frame reply = replies.get(i);
        byte[] payload = reply.rsv() == 0b100 ? deflate.decompress(reply.payload()) : reply.payload();
        assertArrayEquals(request(i).payload(), payload, "reply " + i);
      }
    }
  }

  private static SwitchboardServer echoServer(boolean compression) {
    return Switchboard.server()
        .port(0)
        .host("127.0.0.1")
        .shutdownHook(false)
        .rateLimit(0, 0) // the burst below is the point, not something to refuse
        .compression(compression)
        .endpoint(new EchoEndpoint())
        .start();
  }

  /**
   * Writes every request from one thread, compressed when given a {@code deflate}, while this one
   * reads the replies.
   */
  private static List<RawWebSocket.Frame> pipeline(RawWebSocket client, PerMessageDeflate deflate)
      throws Exception {
    CompletableFuture<Void> writer =
        CompletableFuture.runAsync(
            () -> {
              try {
                for (int i = 0; i < MESSAGES; i++) {
                  RawWebSocket.Frame frame = request(i);
                  if (deflate != null) {
                    client.sendRaw(true, 0b100, frame.opcode(), deflate.compress(frame.payload()), true);
                  } else {
                    client.send(frame.opcode(), frame.payload());
                  }
                }
              } catch (Exception e) {
                throw new AssertionError(e);
              }
            });
    client.socket().setSoTimeout(30_000); // a missing reply fails the read instead of hanging
    List<RawWebSocket.Frame> replies = new ArrayList<>();
    while (replies.size() < MESSAGES) {
      replies.add(client.read());
    }
    writer.get(30, TimeUnit.SECONDS);
    return replies;
  }
}
