package com.example.chat.conformance;

import static com.example.chat.conformance.WireClient.BINARY;
import static com.example.chat.conformance.WireClient.TEXT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchboard.CloseReason;
import io.switchboard.undertow.SwitchboardServer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Autobahn|Testsuite category 9 beyond the default 64 KiB limit: its larger cases (up to 16 MiB)
 * need {@code max-message-size} raised from outside. Checked, bounded, at 1 MiB: messages up to
 * the raised limit come back whole, one byte more is still 1009.
 */
class LargeMessageConformanceTest extends ConformanceTestBase {

  static final int LIMIT = 1024 * 1024;

  static SwitchboardServer server;

  @BeforeAll
  static void start() {
    server = SampleServer.startWith("switchboard.max-message-size", "1MiB");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Override
  int port() {
    return server.port();
  }

  @ParameterizedTest(name = "fragments of {0} bytes")
  @ValueSource(ints = {65536, LIMIT})
  void aTextMessageAtTheRaisedLimitIsEchoed(int fragmentSize) throws Exception { // 9.1.x, 9.3.x
    byte[] payload = new byte[LIMIT];
    Arrays.fill(payload, (byte) '*');
    try (WireClient client = open()) {
      client.sendFragmented(TEXT, payload, fragmentSize);
      assertEquals(new String(payload, StandardCharsets.US_ASCII), client.readText());
    }
  }

  @ParameterizedTest(name = "fragments of {0} bytes")
  @ValueSource(ints = {65536, LIMIT})
  void aBinaryMessageAtTheRaisedLimitIsEchoed(int fragmentSize) throws Exception { // 9.2.x, 9.4.x
    byte[] data = WireClient.randomBytes(LIMIT);
    try (WireClient client = open()) {
      client.sendFragmented(BINARY, data, fragmentSize);
      assertArrayEquals(data, client.readBinary());
    }
  }

  @Test
  void oneByteOverTheRaisedLimitIsStill1009() throws Exception {
    try (WireClient client = open()) {
      client.send(BINARY, new byte[LIMIT + 1]);
      client.expectFailure(CloseReason.MESSAGE_TOO_BIG);
    }
  }
}
