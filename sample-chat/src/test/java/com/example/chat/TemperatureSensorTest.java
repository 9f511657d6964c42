package com.example.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TemperatureSensorTest {

  @Test
  void readingsStayNearRoomTemperatureInTenthsOfADegree() {
    Instant now = Instant.parse("2026-11-25T13:00:00Z");
    TemperatureSensor sensor =
        new TemperatureSensor(Clock.fixed(now, ZoneOffset.UTC), new Random(7));
    for (int i = 0; i < 1000; i++) {
      Temperature reading = sensor.read();
      assertEquals(now, reading.at());
      assertTrue(
          reading.celsius() >= 18.5 && reading.celsius() <= 23.5, () -> "reading " + reading);
      assertEquals(reading.celsius(), Math.round(reading.celsius() * 10) / 10.0);
    }
  }

  @Test
  void consecutiveReadingsDriftSlowly() {
    TemperatureSensor sensor =
        new TemperatureSensor(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), new Random(11));
    double previous = sensor.read().celsius();
    for (int i = 0; i < 1000; i++) {
      double next = sensor.read().celsius();
      assertTrue(Math.abs(next - previous) <= 0.25, previous + " → " + next);
      previous = next;
    }
  }
}
