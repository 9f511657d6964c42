package io.switchboard.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says in a few words what is wrong with a JSON text that Jackson could not read, and where:
 * {@code malformed JSON at column 28: the object is not closed}. The message goes to the client,
 * so it never carries Jackson's own (class names, feature flags, {@code Source: REDACTED}); it is
 * derived from the exception's type and the fixed start of Jackson's message, and falls back to
 * "unexpected input" for a failure not listed here.
 */
public final class MalformedJson {

  private static final Pattern CODE = Pattern.compile("code (\\d+)");

  private MalformedJson() {}

  /**
   * The client's message for a failure reading {@code input}.
   *
   * @param where the parser's location when the exception carries none (a limit exceeded)
   */
  public static String describe(JsonProcessingException e, JsonLocation where) {
    JsonLocation location = e.getLocation() != null ? e.getLocation() : where;
    if (e instanceof StreamConstraintsException) {
      return "JSON beyond limits" + at(location) + ": " + limit(e.getOriginalMessage());
    }
    return "malformed JSON" + at(location) + ": " + fault(e);
  }

  /** A fault of our own finding, said the same way: {@code malformed JSON at column 12: …}. */
  public static String describe(String fault, JsonLocation location) {
    return "malformed JSON" + at(location) + ": " + fault;
  }

  private static String at(JsonLocation location) {
    if (location == null || location.getColumnNr() < 1) {
      return "";
    }
    return location.getLineNr() > 1
        ? " at line " + location.getLineNr() + ", column " + location.getColumnNr()
        : " at column " + location.getColumnNr();
  }

  private static String limit(String jackson) {
    if (jackson.startsWith("Document nesting depth")) {
      return "nested deeper than " + Json.MAX_NESTING_DEPTH + " levels";
    }
    if (jackson.startsWith("Number value length")) {
      return "a number longer than " + Json.MAX_NUMBER_LENGTH + " characters";
    }
    if (jackson.startsWith("String value length")) {
      return "a string longer than " + Json.FACTORY.streamReadConstraints().getMaxStringLength() + " characters";
    }
    return "too large";
  }

  private static String fault(JsonProcessingException e) {
    String jackson = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    if (e instanceof JsonEOFException || jackson.startsWith("Unexpected end-of-input")) {
      return endedEarly(e instanceof JsonEOFException eof ? eof.getTokenBeingDecoded() : null, jackson);
    }
    if (jackson.startsWith("Unexpected close marker")) {
      return "unexpected " + quoted(jackson, '\'') + (jackson.contains("no open") ? ": nothing to close" : ": it does not close what is open");
    }
    if (jackson.startsWith("Unrecognized token") || jackson.startsWith("Non-standard token")) {
      return "unexpected word " + quoted(jackson, '\'');
    }
    if (jackson.contains("Leading zeroes")) {
      return "a number with a leading zero";
    }
    if (jackson.startsWith("Invalid numeric value") || jackson.contains("in numeric value")) {
      return "a malformed number";
    }
    if (jackson.startsWith("Illegal unquoted character")) {
      return character(jackson) + " must be escaped in a string";
    }
    if (jackson.startsWith("Illegal character")) {
      return "unexpected " + character(jackson);
    }
    if (jackson.startsWith("Unrecognized character escape")) {
      return "unknown escape \\" + quoted(jackson, '\'').replace("'", "") + " in a string";
    }
    if (jackson.contains("character escape sequence")) {
      return "a malformed \\u escape in a string";
    }
    if (jackson.startsWith("Unexpected character")) {
      return "unexpected " + character(jackson) + expecting(jackson);
    }
    return "unexpected input";
  }

  private static String endedEarly(JsonToken decoding, String jackson) {
    if (decoding == JsonToken.VALUE_STRING) {
      return jackson.contains("escape") ? "the message ends inside an escape" : "the string is not closed";
    }
    if (decoding == JsonToken.FIELD_NAME) {
      return "a member name is not closed";
    }
    if (jackson.contains("for Array") || jackson.contains("Array entries")) {
      return "the array is not closed";
    }
    if (jackson.contains("for Object") || jackson.contains("Object entries")) {
      return "the object is not closed";
    }
    return "the message ends too early";
  }

  /** What Jackson was expecting, in our words, after the unexpected character. */
  private static String expecting(String jackson) {
    if (jackson.contains("comma to separate Object entries")) {
      return ": expected ',' or '}'";
    }
    if (jackson.contains("comma to separate Array entries")) {
      return ": expected ',' or ']'";
    }
    if (jackson.contains("double-quote to start field name")) {
      return ": expected a member name in double quotes";
    }
    if (jackson.contains("colon to separate field name and value")) {
      return ": expected ':'";
    }
    if (jackson.contains("comment")) {
      return ": comments are not JSON";
    }
    if (jackson.contains("plus sign")) {
      return ": a number does not start with '+'";
    }
    if (jackson.contains("expected a value") || jackson.contains("expected a valid value")) {
      return ": expected a value";
    }
    return "";
  }

  /** The character Jackson names by its code: {@code 'x'}, or {@code U+000A} when not printable. */
  private static String character(String jackson) {
    Matcher code = CODE.matcher(jackson);
    if (!code.find()) {
      return "character";
    }
    int c = Integer.parseInt(code.group(1));
    return c > 0x20 && c < 0x7f ? "'" + (char) c + "'" : String.format("U+%04X", c);
  }

  /** The first quoted part of Jackson's message: the token or character it saw, cut short. */
  private static String quoted(String jackson, char quote) {
    int start = jackson.indexOf(quote);
    int end = start < 0 ? -1 : jackson.indexOf(quote, start + 1);
    if (end < 0) {
      return "input";
    }
    String token = jackson.substring(start + 1, end);
    return quote + (token.length() <= 20 ? token : token.substring(0, 20) + "...") + quote;
  }
}
