package io.switchboard.processor;

import java.util.SplittableRandom;

/**
 * A seeded generator of what a hostile or careless client sends: JSON of random shapes with the
 * member names the test model knows (so values reach every branch of the codecs) and duplicates of
 * them, wrong types, numbers that are long or have huge exponents, strings of any character (lone
 * surrogates and escapes included), deep nesting; and all of it mutated: cut short, with
 * characters inserted, deleted or replaced by JSON's structural ones. One seed, one input: a
 * failure is replayed from the seed it reports.
 */
final class HostileJson {

  /** The member names of the test model, so that random objects hit real members. */
  private static final String[] NAMES = {
    "flag", "b", "s", "i", "l", "f", "d", "c", "text", "price", "big", "at", "day", "time", "local", "offset",
    "zoned", "duration", "id", "tags", "numbers", "series", "maybe", "ints", "bytes", "names", "colors",
    "color", "item", "items", "first name", "bean", "fields", "name", "count", "active", "label", "notes",
    "weight", "children", "wife", "husband", "extra", "parser", "member", "value", "instance", "note", "x",
    "cmd", "data"
  };

  private static final String[] WORDS = {
    "null", "true", "false", "0", "-1", "1.0", "1e3", "-0.0", "2147483648", "1e999999", "1e-999999", "[]", "{}"
  };

  private static final String[] STRINGS = {
    "\"RED\"", "\"2024-05-01T10:15:30Z\"", "\"2024-05-01\"", "\"PT5S\"", "\"NaN\"", "\"Infinity\"", "\"AAEC/w==\"",
    "\"123e4567-e89b-12d3-a456-426614174000\"", "\"\\ud800\"", "\"\\udc00x\"", "\"\\ud83d\\ude00\"", "\"\\u0000\"",
    "\"12.50\"", "\" 12 \"", "\"\"", "\"True\""
  };

  private static final char[] NOISE = {
    '{', '}', '[', ']', ',', ':', '"', '\\', ' ', '\n', '\u0000', '\ud800', '\udfff', 'e', '-', '.', '0'
  };

  private final SplittableRandom random;

  HostileJson(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** Any JSON-ish text: well-formed values, mutated ones, deep nesting. */
  String document() {
    int kind = random.nextInt(9);
    if (kind < 4) {
      return value(0);
    }
    return kind < 8 ? mutated(value(0)) : deep();
  }

  /** An envelope with any command, id and data, members in any order, often mutated. */
  String envelope() {
    if (random.nextInt(10) == 0) {
      return "{\"cmd\":\"x\",\"data\":" + deep() + "}";
    }
    String cmd = random.nextBoolean() ? "\"x\"" : value(3);
    String id = random.nextBoolean() ? pick(new String[] {"7", "\"a-1\"", "null", "99999999999999999999", "1.5"}) : value(3);
    String data = value(0);
    String envelope = switch (random.nextInt(6)) {
      case 0 -> "{\"cmd\":" + cmd + ",\"id\":" + id + ",\"data\":" + data + "}";
      case 1 -> "{\"data\":" + data + ",\"cmd\":" + cmd + "}";
      case 2 -> "{\"cmd\":" + cmd + ",\"data\":" + data + ",\"cmd\":" + cmd + "}";
      case 3 -> "{\"id\":" + id + ",\"cmd\":" + cmd + "}";
      case 4 -> " {\"cmd\":" + cmd + ",\"data\":" + data + "}\n";
      default -> "{\"cmd\":" + cmd + ",\"data\":" + data + "} " + data;
    };
    return random.nextBoolean() ? envelope : mutated(envelope);
  }

  /** A text line: a word, then anything, JSON or not. */
  String textLine() {
    String argument = switch (random.nextInt(4)) {
      case 0 -> anyString(40);
      case 1 -> value(1);
      case 2 -> mutated(value(1));
      default -> number();
    };
    StringBuilder word = new StringBuilder();
    for (int i = 1 + random.nextInt(8); i > 0; i--) {
      word.append((char) ('a' + random.nextInt(26)));
    }
    return word + " " + argument;
  }

  private String value(int depth) {
    int kind = depth >= 5 ? 0 : random.nextInt(10);
    if (kind < 5) {
      return scalar();
    }
    StringBuilder json = new StringBuilder();
    if (kind < 8) {
      json.append('{');
      for (int i = random.nextInt(7); i > 0; i--) {
        String name = random.nextInt(5) > 0 ? pick(NAMES) : anyString(6);
        json.append(quote(name)).append(':').append(value(depth + 1)).append(i > 1 ? "," : "");
      }
      return json.append('}').toString();
    }
    json.append('[');
    for (int i = random.nextInt(6); i > 0; i--) {
      json.append(value(depth + 1)).append(i > 1 ? "," : "");
    }
    return json.append(']').toString();
  }

  private String scalar() {
    return switch (random.nextInt(12)) {
      case 0, 1 -> pick(WORDS);
      case 2, 3 -> number();
      case 4 -> "\"" + number() + "\"";
      case 5, 6 -> quote(anyString(20));
      case 7 -> longString();
      default -> pick(STRINGS);
    };
  }

  /** Numbers of every length (past the 200-character limit too) and exponent. */
  private String number() {
    StringBuilder number = new StringBuilder(random.nextBoolean() ? "" : "-");
    int digits = random.nextInt(8) == 0 ? 1 + random.nextInt(260) : 1 + random.nextInt(12);
    for (int i = 0; i < digits; i++) {
      number.append((char) ('0' + random.nextInt(10)));
    }
    number.append(pick(new String[] {"", "", ".5", ".000"}));
    if (random.nextInt(3) == 0) {
      number.append('e').append(random.nextInt(-2_000_000, 2_000_001));
    }
    return number.toString();
  }

  private String longString() {
    StringBuilder text = new StringBuilder("\"");
    for (int i = 1000 + random.nextInt(4000); i > 0; i--) {
      text.append((char) ('a' + random.nextInt(26)));
    }
    return text.append('"').toString();
  }

  /** Any characters: printable, control, surrogates (paired or lone), anything else. */
  private String anyString(int maxLength) {
    StringBuilder text = new StringBuilder();
    for (int i = random.nextInt(maxLength + 1); i > 0; i--) {
      text.append(switch (random.nextInt(4)) {
        case 0 -> (char) (0x20 + random.nextInt(0x5f));
        case 1 -> (char) random.nextInt(0x20);
        case 2 -> (char) (0xd800 + random.nextInt(0x800));
        default -> (char) random.nextInt(0x10000);
      });
    }
    return text.toString();
  }

  /** Arrays or objects nested past the parser's depth limit, closed or not. */
  private String deep() {
    int levels = 50 + random.nextInt(5000);
    boolean array = random.nextBoolean();
    String open = array ? "[" : "{\"x\":";
    String close = array ? "]" : "}";
    return open.repeat(levels) + "1" + (random.nextBoolean() ? close.repeat(levels) : "");
  }

  /** The text changed one to three times, the ways transport and typing break JSON. */
  private String mutated(String text) {
    for (int n = 1 + random.nextInt(3); n > 0; n--) {
      if (text.isEmpty()) {
        return pick(NOISE) + "";
      }
      int at = random.nextInt(text.length());
      char c = random.nextBoolean() ? NOISE[random.nextInt(NOISE.length)] : (char) random.nextInt(0x10000);
      text = switch (random.nextInt(5)) {
        case 0 -> text.substring(0, at);
        case 1 -> text.substring(0, at) + c + text.substring(at);
        case 2 -> text.substring(0, at) + text.substring(at + 1);
        case 3 -> text.substring(0, at) + c + text.substring(at + 1);
        default -> text.substring(0, at) + text.substring(at / 2);
      };
    }
    return text;
  }

  private String pick(String[] choices) {
    return choices[random.nextInt(choices.length)];
  }

  private char pick(char[] choices) {
    return choices[random.nextInt(choices.length)];
  }

  /** A JSON string of any text: quotes, backslashes and control characters escaped, the rest as is. */
  private static String quote(String text) {
    StringBuilder quoted = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        quoted.append('\\').append(c);
      } else if (c < 0x20) {
        quoted.append(String.format("\\u%04x", (int) c));
      } else {
        quoted.append(c);
      }
    }
    return quoted.append('"').toString();
  }
}
