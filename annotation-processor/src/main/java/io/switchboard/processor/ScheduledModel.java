package io.switchboard.processor;

/** One {@code @Every} method and its period. */
record ScheduledModel(HandlerCall call, long periodMillis) {}
