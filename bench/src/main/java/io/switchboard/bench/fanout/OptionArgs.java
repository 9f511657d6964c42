package io.switchboard.bench.fanout;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A load generator's {@code --name value} arguments. Each option is read with its default; {@link
 * #rejectUnknown()} then refuses any name that nothing read, so that a typo fails the run instead
 * of silently measuring the defaults.
 */
public final class OptionArgs {

  private final Map<String, String> given = new HashMap<>();
  private final Set<String> read = new HashSet<>();

  public OptionArgs(String... args) {
    for (int i = 0; i < args.length; i += 2) {
      if (!args[i].startsWith("--") || i + 1 == args.length) {
        throw new IllegalArgumentException("expected --name value pairs, got: " + String.join(" ", args));
      }
      given.put(args[i].substring(2), args[i + 1]);
    }
  }

  public String text(String name, String fallback) {
    read.add(name);
    return given.getOrDefault(name, fallback);
  }

  public int number(String name, int fallback) {
    return Integer.parseInt(text(name, Integer.toString(fallback)));
  }

  /** A count that must be 1 or more: a run with none of it would measure nothing. */
  public int positive(String name, int fallback) {
    int value = number(name, fallback);
    if (value < 1) {
      throw new IllegalArgumentException("--" + name + " must be 1 or more, got " + value);
    }
    return value;
  }

  public Duration seconds(String name, long fallback) {
    return Duration.ofSeconds(Long.parseLong(text(name, Long.toString(fallback))));
  }

  /** A duration in seconds that must be 1 or more. */
  public Duration positiveSeconds(String name, int fallback) {
    return Duration.ofSeconds(positive(name, fallback));
  }

  /** JVM options as one space-separated value, e.g. {@code --client-jvm "-Xmx1g -XX:+UseG1GC"}. */
  public List<String> words(String name, String fallback) {
    return List.of(text(name, fallback).trim().split("\\s+"));
  }

  public void rejectUnknown() {
    Set<String> unknown = new HashSet<>(given.keySet());
    unknown.removeAll(read);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("unknown options: " + unknown);
    }
  }
}
