package com.example.chat.conformance;

import static com.example.chat.conformance.WireClient.BINARY;
import static com.example.chat.conformance.WireClient.CONTINUATION;
import static com.example.chat.conformance.WireClient.PING;
import static com.example.chat.conformance.WireClient.TEXT;
import static com.example.chat.conformance.WireClient.masked;
import static com.example.chat.conformance.WireClient.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.CloseReason;
import io.switchboard.undertow.SwitchboardServer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Autobahn|Testsuite categories 12 and 13: permessage-deflate (RFC 7692). The sample ships with
 * compression off, so an offer is declined and a compressed frame is a protocol error; switched
 * on (from outside, as {@code SWITCHBOARD_COMPRESSION=true} does), compressed messages of every
 * size, whole or fragmented, come back compressed and unchanged.
 */
class CompressionConformanceTest extends ConformanceTestBase {

  static final String OFFER = "Sec-WebSocket-Extensions: permessage-deflate";
  static final byte[] TAIL = {0, 0, (byte) 0xff, (byte) 0xff};
  static final int RSV1 = 0b100;

  static SwitchboardServer asShipped;
  static SwitchboardServer compressing;

  @BeforeAll
  static void start() {
    asShipped = SampleServer.start();
    compressing = SampleServer.startCompressed();
  }

  @AfterAll
  static void stop() {
    asShipped.close();
    compressing.close();
  }

  @Override
  int port() {
    return compressing.port();
  }

  @Override
  String[] upgradeHeaders() {
    return new String[] {OFFER};
  }

  /** One side of a permessage-deflate conversation with context takeover, as RFC 7692 7.2 says. */
  static final class Deflate {
    private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    private final Inflater inflater = new Inflater(true);

    byte[] compress(byte[] message) {
      if (message.length == 0) {
        return new byte[] {0}; // 7.2.3.6: an empty message is one empty uncompressed block
      }
      deflater.setInput(message);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      int length;
      do {
        length = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
        out.write(buffer, 0, length);
      } while (length == buffer.length || !deflater.needsInput());
      byte[] bytes = out.toByteArray();
      return Arrays.copyOf(bytes, bytes.length - TAIL.length); // 7.2.1: drop 00 00 ff ff
    }

    byte[] decompress(byte[] payload) throws DataFormatException {
      ByteArrayOutputStream in = new ByteArrayOutputStream();
      in.writeBytes(payload);
      in.writeBytes(TAIL);
      inflater.setInput(in.toByteArray());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      while (!inflater.needsInput()) {
        out.write(buffer, 0, inflater.inflate(buffer));
      }
      return out.toByteArray();
    }
  }

  /** Reads a compressed message (RSV1 on its first frame only) and inflates it. */
  static WireClient.Frame readCompressed(WireClient client, Deflate deflate) throws Exception {
    WireClient.Frame message = client.readMessage();
    assertEquals(RSV1, message.rsv(), "the echo is compressed too");
    return new WireClient.Frame(true, 0, message.opcode(), deflate.decompress(message.payload()));
  }

  // ---- as shipped: off ----

  @Test
  void theSampleAsShippedDeclinesTheOffer() throws Exception {
    try (WireClient client = WireClient.connect(asShipped.port(), "/echo", OFFER)) {
      assertNull(client.response().header("Sec-WebSocket-Extensions"), client.response().head());
      client.sendText("plain");
      assertEquals("plain", client.readText());
    }
  }

  @Test
  void aCompressedFrameWithoutTheExtensionIsAProtocolError() throws Exception {
    try (WireClient client = WireClient.connect(asShipped.port(), "/echo", OFFER)) {
      client.send(true, RSV1, TEXT, new Deflate().compress(utf8("compressed")));
      client.expectFailure(CloseReason.PROTOCOL_ERROR);
    }
  }

  // ---- switched on ----

  @Test
  void theOfferIsAccepted() throws Exception { // 13.1
    try (WireClient client = open()) {
      String accepted = client.response().header("Sec-WebSocket-Extensions");
      assertTrue(accepted != null && accepted.startsWith("permessage-deflate"), client.response().head());
    }
  }

  @ParameterizedTest(name = "{0} bytes")
  @ValueSource(ints = {0, 16, 64, 256, 1024, 4096, 16384, 65536})
  void compressedTextOfEverySizeIsEchoed(int size) throws Exception { // 12.1.x, 13.1.x
    Deflate deflate = new Deflate();
    try (WireClient client = open()) {
      for (int i = 0; i < 5; i++) { // several, so the sliding window carries over between messages
        String text = ("message " + i + ", ").repeat(size / 11 + 1).substring(0, size); // ASCII: size bytes
        byte[] payload = utf8(text);
        client.send(true, RSV1, TEXT, deflate.compress(payload));
        assertEquals(text, readCompressed(client, deflate).text());
      }
    }
  }

  @ParameterizedTest(name = "{0} bytes")
  @ValueSource(ints = {0, 16, 1024, 65536})
  void compressedBinaryOfEverySizeIsEchoed(int size) throws Exception { // 12.2.x
    Deflate deflate = new Deflate();
    try (WireClient client = open()) {
      for (int i = 0; i < 5; i++) {
        byte[] data = new byte[size];
        for (int j = 0; j < size; j++) {
          data[j] = (byte) ((j * 31 + i) % 7); // compressible, and different each time
        }
        client.send(true, RSV1, BINARY, deflate.compress(data));
        assertArrayEquals(data, readCompressed(client, deflate).payload());
      }
    }
  }

  @Test
  void aCompressedMessageInFragmentsIsEchoed() throws Exception { // 12.x with fragmentation
    Deflate deflate = new Deflate();
    String text = "fragmented and compressed ✓ ".repeat(500);
    byte[] compressed = deflate.compress(utf8(text));
    try (WireClient client = open()) {
      int half = compressed.length / 2;
      client.write(
          masked(false, RSV1, TEXT, Arrays.copyOf(compressed, half)),
          masked(true, 0, PING, utf8("between")),
          masked(true, 0, CONTINUATION, Arrays.copyOfRange(compressed, half, compressed.length)));
      assertEquals("between", client.expect(WireClient.PONG).text());
      assertEquals(text, readCompressed(client, deflate).text());
    }
  }

  @Test
  void uncompressedMessagesStillWork() throws Exception { // RSV1 is per message
    try (WireClient client = open()) {
      client.sendText("not compressed");
      WireClient.Frame echo = client.readMessage();
      String text =
          echo.rsv() == RSV1
              ? new String(new Deflate().decompress(echo.payload()), StandardCharsets.UTF_8)
              : echo.text();
      assertEquals("not compressed", text);
    }
  }

  @Test
  void reservedBit1OnAControlFrameIsAProtocolError() throws Exception {
    try (WireClient client = open()) {
      client.send(true, RSV1, PING, utf8("ping"));
      client.expectFailure(CloseReason.PROTOCOL_ERROR);
    }
  }

  @Test
  void compressedInvalidUtf8FailsWith1007() throws Exception {
    try (WireClient client = open()) {
      client.send(true, RSV1, TEXT, new Deflate().compress(Utf8ConformanceTest.hex("cebae1bdb9cf83cebcceb5eda080")));
      client.expectFailure(CloseReason.INVALID_PAYLOAD);
    }
  }

  /** A small frame that inflates past the max message size is refused, not inflated in full. */
  @Test
  void aMessageThatInflatesPastTheLimitIsRefusedWith1009() throws Exception {
    byte[] bomb = new Deflate().compress(new byte[1024 * 1024]); // 1 MiB of zeros: about 1 KiB
    try (WireClient client = open()) {
      client.send(true, RSV1, BINARY, bomb);
      client.expectFailure(CloseReason.MESSAGE_TOO_BIG);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "permessage-deflate; client_no_context_takeover", // 13.2
        "permessage-deflate; server_no_context_takeover",
        "permessage-deflate; client_max_window_bits", // 13.3 to 13.6
        "permessage-deflate; server_max_window_bits=15",
        "permessage-deflate; client_no_context_takeover; server_no_context_takeover",
        "permessage-deflate; server_max_window_bits=9, permessage-deflate" // 13.7: first declined
      })
  void offersWithParametersAreAnsweredConsistently(String offer) throws Exception {
    try (WireClient client = WireClient.connect(compressing.port(), "/echo", "Sec-WebSocket-Extensions: " + offer)) {
      String accepted = client.response().header("Sec-WebSocket-Extensions");
      Deflate deflate = new Deflate();
      String text = "parameters ".repeat(50);
      for (int i = 0; i < 3; i++) {
        if (accepted == null) {
          client.sendText(text);
          assertEquals(text, client.readText());
          continue;
        }
        assertTrue(accepted.startsWith("permessage-deflate"), accepted);
        // the server may not compress with a larger window than it agreed to: Java's Inflater
        // takes any window, so check the agreement itself
        assertTrue(!accepted.contains("server_max_window_bits") || accepted.contains("server_max_window_bits=15"), accepted);
        Deflate fresh = accepted.contains("server_no_context_takeover") ? new Deflate() : deflate;
        byte[] payload = (offer.contains("client_no_context_takeover") ? new Deflate() : deflate).compress(utf8(text));
        client.send(true, RSV1, TEXT, payload);
        assertEquals(text, readCompressed(client, fresh).text());
      }
    }
  }
}
