package io.switchboard.undertow;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads configuration keys from system properties ({@code -Dswitchboard.max-message-size=128KiB})
 * and the environment ({@code SWITCHBOARD_MAX_MESSAGE_SIZE=128KiB}), the property winning. Values
 * set on the {@link ServerBuilder} win over both; {@code docs/configuration.md} lists every key.
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

  String string(String key, String fallback) {
    return raw(key).orElse(fallback);
  }

  int integer(String key, int fallback) {
    return parsed(key, Integer::parseInt, fallback);
  }

  boolean bool(String key, boolean fallback) {
    return parsed(key, Settings::parseBoolean, fallback);
  }

  Duration duration(String key, Duration fallback) {
    return parsed(key, Settings::parseDuration, fallback);
  }

  long size(String key, long fallback) {
    return parsed(key, Settings::parseSize, fallback);
  }

  private <T> T parsed(String key, Function<String, T> parser, T fallback) {
    Optional<String> value = raw(key);
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      return parser.apply(value.get());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "bad value for switchboard." + key + " (" + environmentName(key) + "): \""
              + value.get() + "\"", e);
    }
  }

  private static boolean parseBoolean(String value) {
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
