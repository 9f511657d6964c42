package io.switchboard.bench.fanout;

/**
 * Reads the few numbers a subscriber needs out of a tick push, {@code {"event":"tick","data":
 * {"phase":1,"seq":7,"sentAtMicros":…,…}}}, by scanning for the member names: the client JVM
 * spends as little CPU per message as possible, since it shares the machine with the server.
 */
final class TickFields {

  private TickFields() {}

  /** The integer value of member {@code name}; throws if the message has none. */
  static long number(String json, String name) {
    String key = "\"" + name + "\":";
    int at = json.indexOf(key);
    if (at < 0) {
      throw new IllegalArgumentException("no " + name + " in " + json);
    }
    long value = 0;
    for (int i = at + key.length(); i < json.length(); i++) {
      char c = json.charAt(i);
      if (c < '0' || c > '9') {
        break;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
