package com.example.chat.conformance;

import static com.example.chat.conformance.WireClient.CONTINUATION;
import static com.example.chat.conformance.WireClient.TEXT;
import static com.example.chat.conformance.WireClient.masked;
import static com.example.chat.conformance.WireClient.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchboard.CloseReason;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Autobahn|Testsuite category 6 against the sample's {@code /echo}: valid UTF-8 comes back as
 * sent, whole or split anywhere; invalid UTF-8 fails the connection with 1007, as early as the
 * first invalid fragment.
 */
class Utf8ConformanceTest extends AsShippedConformanceTest {

  static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex.replace(" ", ""));
  }

  static Stream<String> validTexts() {
    return Stream.of(
        "Hello-µ@ßöäüàá-UTF-8!!", // 6.2.1
        "κόσμε", // 6.5.1
        "\u0000", // 6.7.1: NUL is a character like any other
        "\u007f\u0080\u07ff\u0800\ufffd", // 6.7.2 to 6.7.4: first and last of each length
        "\ud7ff\ue000\ufffe\uffff", // around the surrogates, and the non-characters 6.8
        "\ud800\udc00\udbff\udfff", // U+10000 and U+10FFFF: 4-byte boundaries
        "🎉 ✓ 𝄞 😀");
  }

  @ParameterizedTest
  @MethodSource("validTexts")
  void validUtf8IsEchoed(String text) throws Exception {
    try (WireClient client = open()) {
      client.sendText(text);
      assertEquals(text, client.readText());
    }
  }

  @ParameterizedTest(name = "fragments of {0} bytes")
  @ValueSource(ints = {1, 2, 3})
  void validUtf8SplitInsideCharactersIsEchoedWhole(int fragmentSize) throws Exception { // 6.2.2 to 6.2.4
    String text = "Hello-µ@ßöäüàá-UTF-8!! κόσμε 🎉𝄞";
    try (WireClient client = open()) {
      client.sendFragmented(TEXT, utf8(text), fragmentSize);
      assertEquals(text, client.readText());
    }
  }

  @Test
  void emptyFragmentsAreFine() throws Exception { // 6.1.1 to 6.1.3
    try (WireClient client = open()) {
      client.write(
          masked(false, 0, TEXT, new byte[0]),
          masked(false, 0, CONTINUATION, new byte[0]),
          masked(true, 0, CONTINUATION, new byte[0]));
      assertEquals("", client.readText());
      client.write(
          masked(false, 0, TEXT, new byte[0]),
          masked(false, 0, CONTINUATION, utf8("middle frame payload")),
          masked(true, 0, CONTINUATION, new byte[0]));
      assertEquals("middle frame payload", client.readText());
    }
  }

  /** Autobahn 6.3 to 6.21: each of these byte sequences is not UTF-8. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "cebae1bdb9cf83cebcceb5eda080656469746564", // 6.3.1: κόσμε + a surrogate + "edited"
        "80", "bf", "80bf80bf", // 6.10: lone continuation bytes
        "c0", "e080", "f08080", "f8808080", "c020", "e08020", // 6.12 to 6.14: truncated sequences
        "fe", "ff", "fefeffff", "f5808080", "f880808080", "fc8080808080", // 6.16: bytes never in UTF-8
        "c0af", "e080af", "f08080af", "f880808080af", // 6.17: overlong "/"
        "c1bf", "e09fbf", "f08fbfbf", // 6.18: largest overlong forms
        "c080", "e08080", "f0808080", // 6.19: overlong NUL
        "eda080", "edadbf", "edae80", "edafbf", "edb080", "edbe80", "edbfbf", // 6.20: lone surrogates
        "eda080edb080", "edafbfedbfbf", // 6.21: paired surrogates
        "f4908080" // beyond U+10FFFF
      })
  void invalidUtf8FailsTheConnectionWith1007(String bytes) throws Exception {
    try (WireClient client = open()) {
      client.write(masked(true, 0, TEXT, hex(bytes)), masked(true, 0, TEXT, utf8("not echoed")));
      client.expectFailure(CloseReason.INVALID_PAYLOAD);
    }
  }

  @Test
  void invalidUtf8InALaterFragmentFailsTheConnectionWith1007() throws Exception { // 6.4.x, at once
    byte[] invalid = hex("cebae1bdb9cf83cebcceb5eda080656469746564");
    try (WireClient client = open()) {
      client.sendFragmented(TEXT, invalid, 4);
      client.expectFailure(CloseReason.INVALID_PAYLOAD);
    }
  }

  /**
   * Autobahn 6.4.1 and 6.4.2: the server fails fast, on the fragment that holds the invalid
   * sequence, without waiting for the message's last fragment (which this client never sends).
   */
  @Test
  void theFirstInvalidFragmentFailsTheConnectionBeforeTheMessageEnds() throws Exception {
    try (WireClient client = open()) {
      client.send(false, 0, TEXT, utf8("κόσμε"));
      client.send(false, 0, CONTINUATION, hex("f4908080")); // beyond U+10FFFF
      client.expectFailure(CloseReason.INVALID_PAYLOAD);
    }
  }

  /**
   * Autobahn 6.4.3 and 6.4.4: within a single frame too, the invalid bytes fail the connection
   * while the rest of the frame has not even arrived.
   */
  @Test
  void invalidBytesFailTheConnectionBeforeTheirFrameIsComplete() throws Exception {
    byte[] payload = hex("cebae1bdb9cf83cebcceb5" + "f4908080" + "656469746564");
    byte[] frame = masked(true, 0, TEXT, payload);
    int withInvalid = frame.length - 6; // all but "edited"
    try (WireClient client = open()) {
      client.write(Arrays.copyOf(frame, withInvalid));
      client.expectFailure(CloseReason.INVALID_PAYLOAD);
    }
  }

  @Test
  void aTruncatedSequenceAtTheEndOfAFragmentedMessageFailsIt() throws Exception {
    try (WireClient client = open()) {
      client.write(masked(false, 0, TEXT, utf8("Hello ")), masked(true, 0, CONTINUATION, hex("e282")));
      client.expectFailure(CloseReason.INVALID_PAYLOAD);
    }
  }
}
