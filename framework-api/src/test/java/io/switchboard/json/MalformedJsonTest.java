package io.switchboard.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.switchboard.spi.Envelope;
import io.switchboard.spi.Envelope.MalformedEnvelopeException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each common way of breaking JSON, sent as an envelope, and the reply's message: what is wrong and
 * where, in our words, never Jackson's.
 */
class MalformedJsonTest {

  static Stream<Arguments> brokenEnvelopes() {
    return Stream.of(
        Arguments.of("{\"cmd\":\"a\",\"data\":{\"x\":1}", "malformed JSON at column 26: the object is not closed"),
        Arguments.of("{\"cmd\":\"a\",\"data\":[1,2", "malformed JSON at column 23: the array is not closed"),
        Arguments.of("{\"cmd\":\"abc", "malformed JSON at column 12: the string is not closed"),
        Arguments.of("{\"cm", "malformed JSON at column 5: a member name is not closed"),
        Arguments.of("{\"cmd\":\"a\",\"cmd\"", "malformed JSON at column 17: the object is not closed"),
        Arguments.of("{\"cmd\":\"a\",", "malformed JSON at column 12: the object is not closed"),
        Arguments.of("{\"cmd\":\"a\",\"data\":[1,", "malformed JSON at column 22: the array is not closed"),
        Arguments.of("{\"cmd\":\"a\",\"data\":\"\\u12", "malformed JSON at column 24: the message ends inside an escape"),
        Arguments.of("{\"cmd\":\"a\" x", "malformed JSON at column 12: unexpected 'x': expected ',' or '}'"),
        Arguments.of("{\"cmd\":\"a\",\"data\":[1 2]}", "malformed JSON at column 22: unexpected '2': expected ',' or ']'"),
        Arguments.of("{cmd:\"a\"}", "malformed JSON at column 2: unexpected 'c': expected a member name in double quotes"),
        Arguments.of("{\"cmd\" \"a\"}", "malformed JSON at column 8: unexpected '\"': expected ':'"),
        Arguments.of("{\"cmd\":}", "malformed JSON at column 8: unexpected '}': expected a value"),
        Arguments.of("{\"cmd\":'a'}", "malformed JSON at column 8: unexpected ''': expected a value"),
        Arguments.of("{\"cmd\":\"a\" /* hi */}", "malformed JSON at column 12: unexpected '/': comments are not JSON"),
        Arguments.of("{\"cmd\":\"a\",\"data\":tru}", "malformed JSON at column 19: unexpected word 'tru'"),
        Arguments.of("{\"cmd\":\"a\",\"data\":NaN}", "malformed JSON at column 22: unexpected word 'NaN'"),
        Arguments.of("{\"cmd\":\"a\",\"data\":01}", "malformed JSON at column 20: a number with a leading zero"),
        Arguments.of("{\"cmd\":\"a\",\"data\":1.}", "malformed JSON at column 20: a malformed number"),
        Arguments.of("{\"cmd\":\"a\",\"data\":+1}", "malformed JSON at column 20: a malformed number"),
        Arguments.of("{\"cmd\":\"a\nb\"}", "malformed JSON at column 10: U+000A must be escaped in a string"),
        Arguments.of("{\"cmd\":\"\\x\"}", "malformed JSON at column 10: unknown escape \\x in a string"),
        Arguments.of("{\"cmd\":\"a\",\"data\":\"\\u12\"}", "malformed JSON at column 24: a malformed \\u escape in a string"),
        Arguments.of("{\"cmd\":\"a\",\"data\":\u0000}", "malformed JSON at column 20: unexpected U+0000"),
        Arguments.of("{\"cmd\":\"a\"]", "malformed JSON at column 11: unexpected ']': it does not close what is open"),
        Arguments.of("{\"cmd\":\"a\"}}", "malformed JSON at column 12: content after the envelope"),
        Arguments.of("{\"cmd\":\"a\"} x", "malformed JSON at column 13: content after the envelope"),
        Arguments.of("{\"cmd\":\"a\"}\n{\"cmd\":\"b\"}", "malformed JSON at line 2, column 1: content after the envelope"),
        Arguments.of("{\"cmd\":\"a\",\"data\":" + "[".repeat(70), "JSON beyond limits at column 83: nested deeper than 64 levels"),
        Arguments.of("{\"cmd\":\"a\",\"data\":" + "1".repeat(300) + "}",
            "JSON beyond limits at column 319: a number longer than 200 characters"));
  }

  @ParameterizedTest
  @MethodSource("brokenEnvelopes")
  void saysWhatIsWrongAndWhere(String message, String expected) {
    MalformedEnvelopeException error = assertThrows(MalformedEnvelopeException.class, () -> Envelope.parse(message));
    assertEquals(expected, error.getMessage());
    assertFalse(error.getMessage().contains("Source"), error.getMessage());
  }
}
