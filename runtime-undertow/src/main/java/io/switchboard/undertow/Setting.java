package io.switchboard.undertow;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One configuration key, declared once in {@link Keys}: its name, how its text is read, its
 * default, what a valid value is, and its row of {@code docs/configuration.md}. The builder, the
 * system property {@code switchboard.<key>}, the environment variable {@code SWITCHBOARD_<KEY>} and
 * the error messages all follow from this declaration, and a test holds the page to it.
 *
 * @param <T> the type of the value; null stands for "off" where a setting has no default
 */
final class Setting<T> {

  /** The values resolved so far, for a default that follows another setting. */
  interface Earlier {
    <V> V get(Setting<V> setting);
  }

  private final String key;
  private final Function<String, T> parser;
  private final Function<Earlier, T> defaultValue;
  private final Predicate<T> valid;
  private final String requirement;
  private final String builder;
  private final String defaultText;
  private final String doc;

  private Setting(
      String key,
      Function<String, T> parser,
      Function<Earlier, T> defaultValue,
      Predicate<T> valid,
      String requirement,
      String builder,
      String defaultText,
      String doc) {
    this.key = key;
    this.parser = parser;
    this.defaultValue = defaultValue;
    this.valid = valid;
    this.requirement = requirement;
    this.builder = builder;
    this.defaultText = defaultText;
    this.doc = doc;
  }

  /** A key read with {@code parser}, off (null) unless a default is declared. */
  static <T> Setting<T> of(String key, Function<String, T> parser) {
    return new Setting<>(key, parser, earlier -> null, value -> true, null, null, null, null);
  }

  Setting<T> byDefault(T value) {
    return byDefault(earlier -> value);
  }

  /** A default computed at resolution, e.g. from the number of cores or an earlier key. */
  Setting<T> byDefault(Function<Earlier, T> value) {
    return new Setting<>(key, parser, value, valid, requirement, builder, defaultText, doc);
  }

  /** Values for which {@code valid} fails are refused with "{@code requirement}". */
  Setting<T> requiring(Predicate<T> valid, String requirement) {
    return new Setting<>(key, parser, defaultValue, valid, requirement, builder, defaultText, doc);
  }

  /**
   * Its row of the key table: the builder method(s) that set it ({@code "—"} for none), the
   * default as the reader should see it, and what it does; Markdown.
   */
  Setting<T> documented(String builder, String defaultText, String doc) {
    return new Setting<>(key, parser, defaultValue, valid, requirement, builder, defaultText, doc);
  }

  String key() {
    return key;
  }

  /** {@code max-message-size} → {@code switchboard.max-message-size}. */
  String propertyName() {
    return "switchboard." + key;
  }

  /** {@code max-message-size} → {@code SWITCHBOARD_MAX_MESSAGE_SIZE}. */
  String environmentName() {
    return Settings.environmentName(key);
  }

  /** Its row of the key table in {@code docs/configuration.md}. */
  String docRow() {
    return "| `" + key + "` | `" + environmentName() + "` | " + builder + " | " + defaultText + " | "
        + doc + " |";
  }

  /** A value given on the builder, checked; null sets the key off. */
  T checked(T value) {
    if (value != null && !valid.test(value)) {
      throw new IllegalArgumentException("bad value for " + key + ": " + value + ": " + requirement);
    }
    return value;
  }

  /**
   * Its value: the one given on the builder (present in {@code given}, even null), else the text
   * of its property or environment variable, else its default.
   */
  T resolve(Map<Setting<?>, Object> given, Settings settings, Earlier earlier) {
    if (given.containsKey(this)) {
      @SuppressWarnings("unchecked") // given only holds values put through set(Setting<T>, T)
      T value = (T) given.get(this);
      return value;
    }
    Optional<String> text = settings.raw(key);
    return text.isPresent() ? parse(text.get()) : defaultValue.apply(earlier);
  }

  private T parse(String text) {
    T value;
    try {
      value = Objects.requireNonNull(parser.apply(text));
    } catch (RuntimeException e) {
      throw badText(text, e.getMessage(), e);
    }
    if (!valid.test(value)) {
      throw badText(text, requirement, null);
    }
    return value;
  }

  private IllegalArgumentException badText(String text, String why, Throwable cause) {
    return new IllegalArgumentException(
        "bad value for " + propertyName() + " (" + environmentName() + "): \"" + text + "\": " + why,
        cause);
  }

  @Override
  public String toString() {
    return key;
  }
}
