package io.switchboard;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the handler on the connection's IO thread instead of the worker pool: the fastest path, for
 * methods that never block (no I/O, no locks held for long, no {@code Thread.sleep}). A blocking
 * call here stalls every connection sharing that IO thread. Per-session ordering still holds: a
 * message that arrives while earlier ones of its session are still on a worker runs after them,
 * on that worker.
 *
 * <p>Goes on a {@link WsCommand}, {@link OnText}, {@link OnBinary}, {@link OnOpen}, {@link
 * OnClose} or {@link OnError} method; anywhere else it is a compile error.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface NonBlocking {}
