package com.example.chat.conformance;

import static com.example.chat.conformance.WireClient.CLOSE;
import static com.example.chat.conformance.WireClient.PING;
import static com.example.chat.conformance.WireClient.TEXT;
import static com.example.chat.conformance.WireClient.masked;
import static com.example.chat.conformance.WireClient.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.CloseReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Autobahn|Testsuite category 7 against the sample's {@code /echo}: the closing handshake, close
 * payloads of every shape, and what a server must do with frames that follow a close.
 */
class CloseConformanceTest extends AsShippedConformanceTest {

  /** The server's answer to this client's close: one close frame, then the end of the connection. */
  static WireClient.Frame closeAnswer(WireClient client) throws Exception {
    WireClient.Frame close = client.read();
    assertEquals(CLOSE, close.opcode(), () -> "expected the close answer, got " + close);
    client.expectEndOfStream();
    return close;
  }

  @Test
  void aMessageThenACloseIsEchoedThenClosed() throws Exception { // 7.1.1
    try (WireClient client = open()) {
      client.sendText("Hello World!");
      assertEquals("Hello World!", client.readText());
      client.sendClose(CloseReason.NORMAL_CLOSURE, "");
      assertEquals(CloseReason.NORMAL_CLOSURE, closeAnswer(client).closeCode());
    }
  }

  /**
   * A close right behind a message, in the same write: the server answers the close at once, as
   * RFC 6455 section 5.5.1 asks, and Undertow sends no data frame once it has read a close frame,
   * so the echo, still with the handler on the worker pool, may be dropped. It never comes after
   * the close.
   */
  @Test
  void aCloseRightBehindAMessageIsAnsweredAndNothingFollows() throws Exception {
    try (WireClient client = open()) {
      client.write(
          masked(true, 0, TEXT, utf8("Hello World!")),
          masked(true, 0, CLOSE, WireClient.closePayload(CloseReason.NORMAL_CLOSURE, new byte[0])));
      WireClient.Frame first = client.read();
      if (first.opcode() == TEXT) {
        assertEquals("Hello World!", first.text());
        assertEquals(CloseReason.NORMAL_CLOSURE, closeAnswer(client).closeCode());
      } else {
        assertEquals(CLOSE, first.opcode(), () -> "expected the echo or the close answer, got " + first);
        assertEquals(CloseReason.NORMAL_CLOSURE, first.closeCode());
        client.expectEndOfStream();
      }
    }
  }

  @Test
  void framesAfterACloseAreIgnored() throws Exception { // 7.1.2 to 7.1.5
    try (WireClient client = open()) {
      client.write(
          masked(false, 0, TEXT, utf8("fragment1")),
          masked(true, 0, CLOSE, WireClient.closePayload(1000, new byte[0])),
          masked(true, 0, WireClient.CONTINUATION, utf8("fragment2")),
          masked(true, 0, CLOSE, WireClient.closePayload(1000, new byte[0])),
          masked(true, 0, PING, utf8("no pong")),
          masked(true, 0, TEXT, utf8("not echoed")));
      // exactly one close answer and nothing else: no echo, no pong, no second close
      assertEquals(CloseReason.NORMAL_CLOSURE, closeAnswer(client).closeCode());
    }
  }

  @Test
  void aCloseWithoutPayloadIsAnsweredWithAClose() throws Exception { // 7.3.1
    try (WireClient client = open()) {
      client.sendClose(new byte[0]);
      WireClient.Frame answer = closeAnswer(client);
      assertTrue(
          answer.payload().length == 0 || answer.closeCode() == CloseReason.NORMAL_CLOSURE,
          () -> "answer to an empty close: " + answer.closeCode());
    }
  }

  @Test
  void aOneByteClosePayloadIsAProtocolError() throws Exception { // 7.3.2
    try (WireClient client = open()) {
      client.sendClose(new byte[] {0x03});
      client.expectFailure(CloseReason.PROTOCOL_ERROR);
    }
  }

  @ParameterizedTest(name = "reason of {0} bytes")
  @ValueSource(ints = {0, 1, 123})
  void aCloseWithCodeAndReasonIsAnsweredWithItsCode(int reasonLength) throws Exception { // 7.3.3 to 7.3.5
    try (WireClient client = open()) {
      client.sendClose(CloseReason.NORMAL_CLOSURE, "*".repeat(reasonLength));
      assertEquals(CloseReason.NORMAL_CLOSURE, closeAnswer(client).closeCode());
    }
  }

  @Test
  void aClosePayloadOver125BytesIsAProtocolError() throws Exception { // 7.3.6
    try (WireClient client = open()) {
      client.sendClose(CloseReason.NORMAL_CLOSURE, "*".repeat(124));
      client.expectFailure(CloseReason.PROTOCOL_ERROR);
    }
  }

  @Test
  void aCloseReasonThatIsNotUtf8FailsWith1007() throws Exception { // 7.5.1
    byte[] invalidReason = Utf8ConformanceTest.hex("cebae1bdb9cf83cebcceb5eda080656469746564");
    try (WireClient client = open()) {
      client.sendClose(WireClient.closePayload(CloseReason.NORMAL_CLOSURE, invalidReason));
      client.expectFailure(CloseReason.INVALID_PAYLOAD);
    }
  }

  @ParameterizedTest(name = "code {0}")
  @ValueSource(ints = {1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 3000, 3999, 4000, 4999})
  void validCloseCodesAreEchoed(int code) throws Exception { // 7.7.x
    try (WireClient client = open()) {
      client.sendClose(code, "");
      assertEquals(code, closeAnswer(client).closeCode());
    }
  }

  /**
   * 1012 to 1014 were registered after RFC 6455, which lists them as reserved; Undertow still
   * refuses them (docs/sample-chat.md says so), and Autobahn's current lists test them neither way.
   */
  @ParameterizedTest(name = "code {0}")
  @ValueSource(ints = {1012, 1013, 1014})
  void closeCodesRegisteredAfterRfc6455AreStillRefused(int code) throws Exception {
    try (WireClient client = open()) {
      client.sendClose(code, "");
      client.expectFailure(CloseReason.PROTOCOL_ERROR);
    }
  }

  @ParameterizedTest(name = "code {0}")
  @ValueSource(ints = {0, 999, 1004, 1005, 1006, 1015, 1016, 1100, 2000, 2999, 5000, 65535})
  void invalidCloseCodesAreAProtocolError(int code) throws Exception { // 7.9.x, 7.13.x
    try (WireClient client = open()) {
      client.sendClose(code, "");
      client.expectFailure(CloseReason.PROTOCOL_ERROR);
    }
  }
}
