package io.switchboard.undertow;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the text of configuration keys from system properties ({@code
 * -Dswitchboard.max-message-size=128KiB}) and the environment ({@code
 * SWITCHBOARD_MAX_MESSAGE_SIZE=128KiB}), the property winning, and parses the kinds of values they
 * hold. {@link Keys} declares every key; values set on the {@link ServerBuilder} win over both.
 */
final class Settings {

  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");
  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(|b|kib|kb|k|mib|mb|m)");

  private final Map<String, String> properties;
  private final Map<String, String> environment;

  Settings(Map<String, String> properties, Map<String, String> environment) {
    this.properties = properties;
    this.environment = environment;
  }

  /** The settings of this JVM: its system properties and environment. */
  static Settings fromSystem() {
    Map<String, String> properties = new java.util.HashMap<>();
    System.getProperties().forEach((k, v) -> properties.put(String.valueOf(k), String.valueOf(v)));
    return new Settings(properties, System.getenv());
  }

  /** The raw value of {@code key} ({@code "max-message-size"}), if set either way. */
  Optional<String> raw(String key) {
    String value = properties.get("switchboard." + key);
    if (value == null) {
      value = environment.get(environmentName(key));
    }
    return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
  }

  /** {@code max-message-size} → {@code SWITCHBOARD_MAX_MESSAGE_SIZE}. */
  static String environmentName(String key) {
    return "SWITCHBOARD_" + key.toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_');
  }

  /** A whole number, such as {@code 8080}. */
  static int parseInteger(String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected a whole number");
    }
  }

  /** A size ({@link #parseSize}) that fits an {@code int}. */
  static int parseIntSize(String value) {
    long size = parseSize(value);
    if (size > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("at most 2047MiB");
    }
    return (int) size;
  }

  /** A comma-separated list, blanks around entries ignored: {@code "a, b"}. */
  static List<String> parseList(String value) {
    return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  static boolean parseBoolean(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on", "1" -> true;
      case "false", "no", "off", "0" -> false;
      default -> throw new IllegalArgumentException("expected true or false");
    };
  }

  /** {@code "30s"}, {@code "500ms"}, {@code "5m"}, {@code "1h"}; {@code "0"} for none. */
  static Duration parseDuration(String value) {
    if (value.equals("0")) {
      return Duration.ZERO;
    }
    Matcher m = DURATION.matcher(value.toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException("expected a duration such as 500ms, 30s, 5m or 1h");
    }
    long amount = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      default -> Duration.ofHours(amount);
    };
  }

  /** {@code "65536"}, {@code "64KiB"}, {@code "1MiB"} (k and m are binary units too). */
  static long parseSize(String value) {
    Matcher m = SIZE.matcher(value.toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException("expected a size such as 65536, 64KiB or 1MiB");
    }
    long amount = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "", "b" -> amount;
      case "kib", "kb", "k" -> amount * 1024;
      default -> amount * 1024 * 1024;
    };
  }
}
