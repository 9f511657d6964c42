package io.switchboard.processor;

/** One {@code @Every} method, its period and its scope ({@code CLUSTER} or {@code NODE}). */
record ScheduledModel(HandlerCall call, long periodMillis, String scope) {}
