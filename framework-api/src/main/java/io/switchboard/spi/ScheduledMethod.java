package io.switchboard.spi;

/**
 * One {@link io.switchboard.Every} method.
 *
 * @param handler the method, {@code "ChatEndpoint#temperature(Broadcaster)"}
 * @param periodMillis the period from the annotation, in milliseconds
 */
public record ScheduledMethod(String handler, long periodMillis) {}
