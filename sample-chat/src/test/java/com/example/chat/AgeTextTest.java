package com.example.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AgeTextTest {

  @Test
  void leadingZeroUnitsAreLeftOut() {
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
