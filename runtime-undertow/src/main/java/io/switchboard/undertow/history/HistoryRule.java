package io.switchboard.undertow.history;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which rooms keep history, and how much: the last {@code messages} pushes, none older than
 * {@code retention}. {@code rooms} is a room name, or a prefix ending in {@code *} ({@code
 * ticker-*}); {@code *} alone is every room.
 */
public record HistoryRule(String rooms, int messages, Duration retention) {

  public HistoryRule {
    Objects.requireNonNull(rooms, "rooms");
    Objects.requireNonNull(retention, "retention");
    if (rooms.isBlank() || rooms.indexOf('*') >= 0 && rooms.indexOf('*') != rooms.length() - 1) {
      throw new IllegalArgumentException("room pattern '" + rooms + "': a name, or a prefix ending in *");
    }
    if (messages <= 0 || retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("room history of '" + rooms + "': messages and retention must be positive");
    }
  }

  public boolean matches(String room) {
    return rooms.endsWith("*") ? room.startsWith(rooms.substring(0, rooms.length() - 1)) : rooms.equals(room);
  }

  /**
   * Reads {@code lobby:500:2m,ticker-*:100:30s}: comma-separated {@code pattern:messages:retention}
   * rules (the last colon-separated parts are the count and duration, so a pattern may hold colons).
   */
  public static List<HistoryRule> parseList(String text, java.util.function.Function<String, Duration> durations) {
    List<HistoryRule> rules = new ArrayList<>();
    for (String part : text.split(",")) {
      String rule = part.strip();
      if (rule.isEmpty()) {
        continue;
      }
      int second = rule.lastIndexOf(':');
      int first = second > 0 ? rule.lastIndexOf(':', second - 1) : -1;
      if (first <= 0) {
        throw new IllegalArgumentException("expected room:messages:retention, such as lobby:500:2m");
      }
      int messages;
      try {
        messages = Integer.parseInt(rule.substring(first + 1, second));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("expected room:messages:retention, such as lobby:500:2m");
      }
      rules.add(new HistoryRule(rule.substring(0, first), messages, durations.apply(rule.substring(second + 1))));
    }
    return List.copyOf(rules);
  }
}
