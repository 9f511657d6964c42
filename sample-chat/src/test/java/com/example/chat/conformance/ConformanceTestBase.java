package com.example.chat.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchboard.CloseReason;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;

/**
 * What every conformance case shares: a raw client on the sample's {@code /echo}, and the check,
 * after each case, that whatever the case did to its own connection the server still serves a
 * new client.
 */
abstract class ConformanceTestBase {

  /** The port of the server under test. */
  abstract int port();

  /** Extra upgrade headers, e.g. an extension offer. */
  String[] upgradeHeaders() {
    return new String[0];
  }

  WireClient open() throws IOException {
    return WireClient.connect(port(), "/echo", upgradeHeaders());
  }

  @AfterEach
  void aFreshClientIsStillServed() throws IOException {
    try (WireClient client = WireClient.connect(port(), "/echo")) {
      client.sendText("still there?");
      assertEquals("still there?", client.readText());
      client.send(WireClient.BINARY, new byte[] {1, 2, 3});
      assertArrayEquals(new byte[] {1, 2, 3}, client.readBinary());
      client.sendClose(CloseReason.NORMAL_CLOSURE, "");
      WireClient.Frame close = client.expect(WireClient.CLOSE);
      assertEquals(CloseReason.NORMAL_CLOSURE, close.closeCode());
      client.expectEndOfStream();
    }
  }
}
