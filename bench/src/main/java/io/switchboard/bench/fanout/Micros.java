package io.switchboard.bench.fanout;

import java.time.Instant;

/**
 * Wall-clock time in microseconds since the epoch. The server and the client JVMs run on the same
 * machine and read the same clock, so a timestamp written by one is comparable with the other's.
 */
final class Micros {

  private Micros() {}

  static long now() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
  }
}
