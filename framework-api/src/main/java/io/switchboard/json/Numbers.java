package io.switchboard.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * How the scalar codecs read numbers. A number may come as a JSON number or as a string holding
 * one ({@code "12.50"}: browsers send money that way, JavaScript numbers cannot hold it exactly),
 * as jackson-databind's default {@code ObjectMapper} reads it. Unlike databind, nothing is ever
 * lost on the way: {@code 1.5} is not an integer, {@code 200} is not a byte, {@code 1e400} is not
 * a double. docs/annotations.md has the whole table, and {@code LenientScalarsTest} keeps it in
 * step with databind.
 *
 * <p>Every number is also bounded so that reading it, or computing with it later, stays cheap: its
 * text is at most {@link Json#MAX_NUMBER_LENGTH} characters (the parser checks JSON numbers, this
 * class the strings) and a decimal's scale lies within ±{@link #MAX_SCALE}. {@code 1e999999} is
 * short, but as a {@code BigDecimal} of scale -999999 a single {@code add} would build a number of
 * a million digits.
 */
final class Numbers {

  /** The largest scale, either sign, of a decimal read: 1e1000 and 1e-1000 are the extremes. */
  static final int MAX_SCALE = 1000;

  /** An integer as a string: ASCII digits only (Java's parsers also take other scripts' digits). */
  private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");

  /** A decimal as a string, as JSON writes it but also {@code +1}, {@code .5} and {@code 5.}. */
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");

  private Numbers() {}

  /**
   * A whole number from {@code min} to {@code max}: a JSON integer, a JSON number without a
   * fraction ({@code 1.0}, {@code 1e3}) or a string of an integer ({@code "12"}). Null for
   * another JSON type.
   */
  static Long integral(JsonParser parser, JsonToken token, long min, long max) throws IOException {
    long value;
    if (token == JsonToken.VALUE_NUMBER_INT) {
      if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
        throw outOfRange(parser, min, max);
      }
      value = parser.getLongValue();
    } else if (token == JsonToken.VALUE_NUMBER_FLOAT) {
      BigDecimal decimal = wholeNumber(parser, parser.getDecimalValue());
      if (decimal.compareTo(BigDecimal.valueOf(min)) < 0 || decimal.compareTo(BigDecimal.valueOf(max)) > 0) {
        throw outOfRange(parser, min, max);
      }
      value = decimal.longValueExact();
    } else if (token == JsonToken.VALUE_STRING) {
      BigInteger parsed = parseInteger(parser.getText());
      if (parsed.bitLength() > 63) {
        throw outOfRange(parser, min, max);
      }
      value = parsed.longValue();
    } else {
      return null;
    }
    if (value < min || value > max) {
      throw outOfRange(parser, min, max);
    }
    return value;
  }

  /** Any whole number, exactly: as {@link #integral} without the range. */
  static BigInteger bigInteger(JsonParser parser, JsonToken token) throws IOException {
    return switch (token) {
      case VALUE_NUMBER_INT -> parser.getBigIntegerValue();
      case VALUE_NUMBER_FLOAT -> wholeNumber(parser, parser.getDecimalValue()).toBigIntegerExact();
      case VALUE_STRING -> parseInteger(parser.getText());
      default -> null;
    };
  }

  /** Any number, exactly, from a JSON number or a string of one. Null for another JSON type. */
  static BigDecimal decimal(JsonParser parser, JsonToken token) throws IOException {
    return switch (token) {
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> bounded(parser, parser.getDecimalValue());
      case VALUE_STRING -> bounded(parser, parseDecimal(parser.getText()));
      default -> null;
    };
  }

  /**
   * A floating-point number up to {@code max} either sign: a JSON number, or a string of one or
   * of {@code NaN}, {@code Infinity}, {@code -Infinity} (how non-finite values are written). A
   * number beyond {@code max} is refused rather than read as infinity. Null for another JSON type.
   *
   * @param type the Java type, for the error: "expected a number in the range of float"
   */
  static Double floating(JsonParser parser, JsonToken token, double max, String type) throws IOException {
    double value;
    if (token.isNumeric()) {
      value = parser.getDoubleValue();
    } else if (token == JsonToken.VALUE_STRING) {
      String text = parser.getText().strip();
      Double nonFinite = nonFinite(text);
      if (nonFinite != null) {
        return nonFinite;
      }
      value = parseFloating(text);
    } else {
      return null;
    }
    if (Math.abs(value) > max && !Double.isNaN(value)) {
      throw JsonDecodeException.at(
          parser, "expected a number in the range of " + type + ", got " + shortText(parser));
    }
    return value;
  }

  /** A text-line argument or a JSON string as an integer; throws if it is none. */
  static BigInteger parseInteger(String text) {
    String number = checkedLength(text.strip());
    if (!INTEGER.matcher(number).matches()) {
      throw new NumberFormatException(text);
    }
    return new BigInteger(number);
  }

  /** A whole number from {@code min} to {@code max}, as a text-line argument; throws if it is none. */
  static long parseIntegral(String text, long min, long max) {
    BigInteger value = parseInteger(text);
    if (value.bitLength() > 63 || value.longValue() < min || value.longValue() > max) {
      throw new NumberFormatException(text);
    }
    return value.longValue();
  }

  /** A text-line argument or a JSON string as a decimal; throws if it is none. */
  static BigDecimal parseDecimal(String text) {
    String number = checkedLength(text.strip());
    if (!DECIMAL.matcher(number).matches()) {
      throw new NumberFormatException(text);
    }
    BigDecimal value = new BigDecimal(number);
    if (Math.abs(value.scale()) > MAX_SCALE) {
      throw new NumberFormatException(text);
    }
    return value;
  }

  /** A text-line argument or a JSON string as a double, non-finite names included; throws if it is none. */
  static double parseFloating(String text) {
    String number = text.strip();
    Double nonFinite = nonFinite(number);
    if (nonFinite != null) {
      return nonFinite;
    }
    if (!DECIMAL.matcher(checkedLength(number)).matches()) {
      throw new NumberFormatException(text);
    }
    return Double.parseDouble(number);
  }

  /** {@code Float}'s range checked on a double read, rather than letting the cast round to infinity. */
  static float toFloat(double value) {
    if (Math.abs(value) > Float.MAX_VALUE && !Double.isInfinite(value)) {
      throw new NumberFormatException(String.valueOf(value));
    }
    return (float) value;
  }

  private static Double nonFinite(String text) {
    return switch (text) {
      case "NaN" -> Double.NaN;
      case "Infinity" -> Double.POSITIVE_INFINITY;
      case "-Infinity" -> Double.NEGATIVE_INFINITY;
      default -> null;
    };
  }

  private static String checkedLength(String number) {
    if (number.length() > Json.MAX_NUMBER_LENGTH) {
      throw new NumberFormatException("longer than " + Json.MAX_NUMBER_LENGTH + " characters");
    }
    return number;
  }

  /** A JSON number read as a decimal that must have no fraction: 1.0 is 1, 1.5 is refused. */
  private static BigDecimal wholeNumber(JsonParser parser, BigDecimal value) throws IOException {
    BigDecimal bounded = bounded(parser, value);
    if (bounded.scale() > 0 && bounded.stripTrailingZeros().scale() > 0) {
      throw JsonDecodeException.at(parser, "expected an integer, got " + shortText(parser));
    }
    return bounded;
  }

  private static BigDecimal bounded(JsonParser parser, BigDecimal value) throws IOException {
    if (Math.abs(value.scale()) > MAX_SCALE) {
      throw JsonDecodeException.at(
          parser, "expected a number with a scale within ±" + MAX_SCALE + ", got " + shortText(parser));
    }
    return value;
  }

  private static JsonDecodeException outOfRange(JsonParser parser, long min, long max) throws IOException {
    return JsonDecodeException.at(
        parser, "expected an integer from " + min + " to " + max + ", got " + shortText(parser));
  }

  /** The number as the client wrote it, quoted if it was a string, cut short if long. */
  private static String shortText(JsonParser parser) throws IOException {
    String text = parser.getText();
    return parser.currentToken() == JsonToken.VALUE_STRING ? JsonDecodeException.quote(text) : JsonDecodeException.cut(text);
  }
}
