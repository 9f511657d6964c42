package io.switchboard.spi;

import io.switchboard.Every;

/**
 * One {@link io.switchboard.Every} method.
 *
 * @param handler the method, {@code "ChatEndpoint#temperature(Broadcaster)"}
 * @param periodMillis the period from the annotation, in milliseconds
 * @param scope where it runs in a cluster
 */
public record ScheduledMethod(String handler, long periodMillis, Every.Scope scope) {

  /** A method of the default scope, {@link Every.Scope#CLUSTER}. */
  public ScheduledMethod(String handler, long periodMillis) {
    this(handler, periodMillis, Every.Scope.CLUSTER);
  }
}
