package io.switchboard.undertow.health;

import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * One condition the server needs to take traffic, asked on every {@code {health-path}/ready}
 * request: the server is not stopping, the cluster bus is connected, the application's database
 * answers. It must be quick and must not block; compute slow answers in the background.
 */
public interface ReadinessCheck {

  /** What it checks, as the readiness JSON names it: {@code "accepting"}, {@code "cluster-bus"}. */
  String name();

  /** Whether the condition holds now. */
  boolean ready();

  static ReadinessCheck of(String name, BooleanSupplier ready) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(ready, "ready");
    return new ReadinessCheck() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public boolean ready() {
        return ready.getAsBoolean();
      }
    };
  }
}
