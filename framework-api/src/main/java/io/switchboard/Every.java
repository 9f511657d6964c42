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
 * Broadcaster}, {@link Sessions}, {@link Rooms}, {@link Presence}, {@link EndpointInfo}.
 *
 * <p>With a cluster of nodes ({@code docs/scaling.md}) the {@link #scope() scope} says where it
 * runs: on one node at a time for the whole cluster (the default), or on every node for its own
 * sessions. Either way no client receives one tick's push twice.
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

  /** Where the method runs when there are several nodes. */
  Scope scope() default Scope.CLUSTER;

  /** Where an {@link Every} method runs in a cluster. */
  enum Scope {
    /**
     * On one node of the cluster at a time, the holder of a lease that another node takes over
     * within seconds when it dies; its {@link Broadcaster} reaches every node. The choice for a
     * push that every client must get once: a reading, a tick. On a single node: that node.
     */
    CLUSTER,
    /**
     * On every node, with a {@link Broadcaster} that reaches only that node's sessions: for work
     * that is per node by nature, such as a push of each node's local state.
     */
    NODE
  }
}
