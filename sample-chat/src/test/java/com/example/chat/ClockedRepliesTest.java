package com.example.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The replies that read the clock, on a fixed one. */
class ClockedRepliesTest {

  private static ChatEndpoint at(String instant) {
    Clock clock = Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    return new ChatEndpoint(clock, new TemperatureSensor(clock, new Random(1)));
  }

  @Test
  void timeAlwaysHasSeconds() {
    assertEquals("13:14:00", at("2026-11-25T13:14:00Z").time());
    assertEquals("09:05:07", at("2026-11-25T09:05:07.999Z").time());
  }

  @Test
  void dateIsIso() {
    assertEquals("2026-01-02", at("2026-01-02T23:59:59Z").date());
  }

  @Test
  void ageLeavesOutLeadingZeroUnits() {
    assertEquals("0 s", ChatEndpoint.describe(Duration.ZERO));
    assertEquals("59 s", ChatEndpoint.describe(Duration.ofSeconds(59)));
    assertEquals("1 min 0 s", ChatEndpoint.describe(Duration.ofSeconds(60)));
    assertEquals("2 h 0 min 5 s", ChatEndpoint.describe(Duration.ofHours(2).plusSeconds(5)));
  }

  @Test
  void aClockThatWentBackwardsCountsAsNoTime() {
    assertEquals("0 s", ChatEndpoint.describe(Duration.ofSeconds(-3)));
  }
}
