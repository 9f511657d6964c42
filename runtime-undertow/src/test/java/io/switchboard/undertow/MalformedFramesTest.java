package io.switchboard.undertow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.CloseReason;
import io.switchboard.undertow.testing.RawWebSocket;
import io.switchboard.undertow.testing.TestEndpoint;
import io.switchboard.undertow.testing.TestServers;
import io.switchboard.undertow.testing.WsClient;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Frames that break RFC 6455 get Undertow's close code (1002 protocol error, 1007 invalid data),
 * and the server keeps serving everyone else.
 */
class MalformedFramesTest {

  static final TestEndpoint endpoint = new TestEndpoint();
  static SwitchboardServer server;
  WsClient bystander;

  @BeforeAll
  static void start() {
    server = TestServers.builder(endpoint).start();
  }

  @AfterAll
  static void stop() {
    server.stop(Duration.ofSeconds(2));
  }

  @BeforeEach
  void connectBystander() throws Exception {
    bystander = WsClient.connect(server.port(), "/test");
  }

  @AfterEach
  void bystanderIsStillServed() throws Exception {
    bystander.send("hello");
    assertEquals("Hello, human", bystander.next());
    bystander.close();
  }

  int closeCodeAfter(FrameWriter writer) throws Exception {
    try (RawWebSocket raw = RawWebSocket.upgrade(server.port(), "/test")) {
      assertEquals(101, raw.status());
      writer.write(raw);
      return raw.readUntilClose().closeCode();
    }
  }

  interface FrameWriter {
    void write(RawWebSocket raw) throws Exception;
  }

  @Test
  void reservedBitsAreAProtocolError() throws Exception {
    assertEquals(CloseReason.PROTOCOL_ERROR, closeCodeAfter(raw -> raw.sendRaw(true, 0b100, RawWebSocket.TEXT, "hello".getBytes(), true)));
  }

  @Test
  void unmaskedClientFrameIsAProtocolError() throws Exception {
    assertEquals(CloseReason.PROTOCOL_ERROR, closeCodeAfter(raw -> raw.sendRaw(true, 0, RawWebSocket.TEXT, "hello".getBytes(), false)));
  }

  @Test
  void reservedOpcodeIsAProtocolError() throws Exception {
    assertEquals(CloseReason.PROTOCOL_ERROR, closeCodeAfter(raw -> raw.sendRaw(true, 0, 0x3, new byte[0], true)));
  }

  @Test
  void fragmentedControlFrameIsAProtocolError() throws Exception {
    assertEquals(CloseReason.PROTOCOL_ERROR, closeCodeAfter(raw -> raw.sendRaw(false, 0, RawWebSocket.PING, new byte[0], true)));
  }

  @Test
  void invalidUtf8IsInvalidPayload() throws Exception {
    byte[] invalid = {(byte) 0xce, (byte) 0xba, (byte) 0xe1, (byte) 0xbd, (byte) 0xb9, (byte) 0xcf, (byte) 0x83, (byte) 0xce, (byte) 0xbc, (byte) 0xce, (byte) 0xb5, (byte) 0xed, (byte) 0xa0, (byte) 0x80};
    endpoint.errors.clear();
    long errorsBefore = server.stats().errors();
    assertEquals(CloseReason.INVALID_PAYLOAD, closeCodeAfter(raw -> raw.send(RawWebSocket.TEXT, invalid)));
    assertNotNull(endpoint.errors.poll(10, TimeUnit.SECONDS), "@OnError hears of transport errors");
    assertTrue(server.stats().errors() > errorsBefore);
  }

  @Test
  void reservedCloseCodeIsAProtocolError() throws Exception {
    byte[] close1004 = ByteBuffer.allocate(2).putShort((short) 1004).array();
    assertEquals(CloseReason.PROTOCOL_ERROR, closeCodeAfter(raw -> raw.send(RawWebSocket.CLOSE, close1004)));
  }

  @Test
  void outOfRangeCloseCodeIsAProtocolError() throws Exception {
    byte[] close999 = ByteBuffer.allocate(2).putShort((short) 999).array();
    assertEquals(CloseReason.PROTOCOL_ERROR, closeCodeAfter(raw -> raw.send(RawWebSocket.CLOSE, close999)));
  }

  @Test
  void continuationWithoutStartIsAProtocolError() throws Exception {
    assertEquals(CloseReason.PROTOCOL_ERROR, closeCodeAfter(raw -> raw.sendRaw(true, 0, 0x0, "x".getBytes(), true)));
  }
}
