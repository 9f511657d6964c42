package io.switchboard.undertow.send;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.testchat.EchoEndpoint;
import com.example.testchat.NonBlockingEchoEndpoint;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replies that wait for the IO thread leave together, several frames in one write: whatever the
 * mix of sizes and frame types, and with compression on, every one arrives whole and in order.
 * The client keeps hundreds of requests in flight so that replies pile up behind each write: on
 * the default dispatch they wait for the IO thread; from {@code @NonBlocking} handlers, which run
 * on it, they wait for the end of the connection's reads.
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

  @ParameterizedTest
  @ValueSource(strings = {"/echo", "/echo-nb"})
  void hundredsInFlightComeBackWholeAndInOrder(String path) throws Exception {
    try (SwitchboardServer server = echoServer(false);
        RawWebSocket client = RawWebSocket.upgrade(server.port(), path)) {
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

  @ParameterizedTest
  @ValueSource(strings = {"/echo", "/echo-nb"})
  void compressedRepliesInOneWriteStillInflateInOrder(String path) throws Exception {
    try (SwitchboardServer server = echoServer(true);
        RawWebSocket client = RawWebSocket.upgrade(server.port(), path, DEFLATE)) {
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

  /**
   * Requests read together with a close frame: the close is answered at once, and Undertow sends
   * no data frame once it has read a close frame, so replies not yet written by then are not sent
   * (docs/protocol.md). Those that are come first, in order, and nothing follows the close answer.
   */
  @ParameterizedTest
  @ValueSource(strings = {"/echo", "/echo-nb"})
  void repliesToRequestsReadWithACloseNeverFollowItsAnswer(String path) throws Exception {
    try (SwitchboardServer server = echoServer(false);
        RawWebSocket client = RawWebSocket.upgrade(server.port(), path)) {
      List<RawWebSocket.Frame> frames = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        frames.add(new RawWebSocket.Frame(true, RawWebSocket.TEXT, ("m" + i).getBytes(UTF_8), 0));
      }
      frames.add(new RawWebSocket.Frame(true, RawWebSocket.CLOSE, new byte[] {0x03, (byte) 0xe8}, 0));
      client.sendTogether(frames);
      client.socket().setSoTimeout(10_000);
      RawWebSocket.Frame frame = client.read();
      for (int i = 0; frame.opcode() == RawWebSocket.TEXT; i++) {
        assertEquals("m" + i, frame.text(), "replies come in order, from the first");
        frame = client.read();
      }
      assertEquals(RawWebSocket.CLOSE, frame.opcode(), "the close answer");
      assertEquals(1000, frame.closeCode());
      assertTrue(client.atEndOfStream(), "nothing after the close answer");
    }
  }

  /**
   * A handler on the IO thread that sends more than a batch at once has the batch written while it
   * still runs, not held until it returns: held, its sends would count against the queue's bound
   * however fast the client reads.
   */
  @Test
  void aBatchSentByANonBlockingHandlerLeavesWhileItRuns() throws Exception {
    NonBlockingEchoEndpoint endpoint = new NonBlockingEchoEndpoint();
    int batch = OutboundQueue.MAX_BATCH_MESSAGES;
    try (SwitchboardServer server =
            Switchboard.server().port(0).host("127.0.0.1").shutdownHook(false).endpoint(endpoint).start();
        RawWebSocket client = RawWebSocket.upgrade(server.port(), "/echo-nb")) {
      client.sendText("send " + (batch + 8));
      client.socket().setSoTimeout(5_000); // the handler keeps the IO thread for 10 s at most
      try {
        for (int i = 0; i < batch; i++) {
          assertEquals("b" + i, client.read().text(), "while the handler runs");
        }
      } finally {
        endpoint.release.countDown();
      }
      for (int i = batch; i < batch + 8; i++) {
        assertEquals("b" + i, client.read().text(), "after the handler returned");
      }
      assertEquals("released", client.read().text());
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
        .endpoint(new NonBlockingEchoEndpoint())
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
