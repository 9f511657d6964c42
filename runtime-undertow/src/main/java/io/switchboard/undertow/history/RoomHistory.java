package io.switchboard.undertow.history;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-memory history of one endpoint's rooms: a {@link RoomLog} for each room a {@link
 * HistoryRule} covers, made on its first push or join. A log is kept as long as the server runs
 * (it holds at most its rule's count of pushes, none older than its retention); the epoch is random
 * per log, so that a restarted server never answers for offsets of the one before.
 */
public final class RoomHistory {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final List<HistoryRule> rules;
  private final Map<String, RoomLog> logs = new ConcurrentHashMap<>();

  public RoomHistory(List<HistoryRule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** The log of {@code room}, or null if the room keeps no history. */
  public RoomLog log(String room) {
    RoomLog log = logs.get(room);
    if (log != null || rules.isEmpty()) {
      return log;
    }
    for (HistoryRule rule : rules) {
      if (rule.matches(room)) {
        return logs.computeIfAbsent(room, name -> new RoomLog(newEpoch(), rule));
      }
    }
    return null;
  }

  public boolean isEmpty() {
    return rules.isEmpty();
  }

  private static String newEpoch() {
    byte[] bytes = new byte[6];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
