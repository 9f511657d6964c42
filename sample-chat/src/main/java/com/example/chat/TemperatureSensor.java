package com.example.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * A simulated room thermometer: a slow daily swing around 21 °C plus a small random walk, rounded
 * to a tenth of a degree like a cheap real sensor. Thread-safe; the scheduled push and the {@code
 * temp} command read it concurrently.
 */
public final class TemperatureSensor {

  private static final double MEAN = 21.0;
  private static final double DAILY_SWING = 1.5;
  private static final double MAX_DRIFT = 1.0;
  private static final double STEP = 0.15;

  private final Clock clock;
  private final RandomGenerator random;
  private double drift;

  public TemperatureSensor(Clock clock, RandomGenerator random) {
    this.clock = clock;
    this.random = random;
  }

  /**
   * A sensor on the system clock. Its generator is named rather than {@code
   * RandomGenerator.getDefault()}, which looks the default algorithm up among every generator of
   * the {@code jdk.random} module and adds a few milliseconds to the app's start.
   */
  public static TemperatureSensor simulated() {
    return new TemperatureSensor(Clock.systemUTC(), new SplittableRandom());
  }

  /** Takes a reading. */
  public synchronized Temperature read() {
    Instant now = clock.instant();
    drift = Math.max(-MAX_DRIFT, Math.min(MAX_DRIFT, drift + (random.nextDouble() * 2 - 1) * STEP));
    double dayFraction = (now.getEpochSecond() % Duration.ofDays(1).toSeconds()) / 86_400.0;
    double celsius = MEAN + DAILY_SWING * Math.sin(2 * Math.PI * dayFraction) + drift;
    return new Temperature(Math.round(celsius * 10) / 10.0, now);
  }
}
