package io.switchboard;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the method periodically from server start to shutdown, with no client trigger: the way to
 * push a reading, a tick or a heartbeat. Runs never overlap with themselves; an exception is
 * logged and the schedule goes on. Returns {@code void}; parameters are any of {@link
 * Broadcaster}, {@link Sessions}, {@link Rooms}.
 *
 * <pre>{@code @Every("5s") void temperature(Broadcaster all) { all.toAll("temp", sensor.read()); }}</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Every {
  /**
   * The period: a positive whole number and a unit, {@code ms}, {@code s}, {@code m} or {@code h}
   * ({@code "500ms"}, {@code "5s"}, {@code "1m"}). Checked at compile time.
   */
  String value();
}
