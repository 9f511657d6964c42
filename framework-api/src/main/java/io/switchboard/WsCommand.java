package io.switchboard;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Handles one command of a {@link WsEndpoint}: the JSON envelope {@code {"cmd":"name",...}} or the
 * text line {@code name arguments...}.
 *
 * <p>The method takes at most one payload parameter (decoded from {@code data}, or the text-line
 * argument for a {@code String}) plus any injectable context: {@link WsSession}, {@link
 * Broadcaster}, {@link Sessions}, {@link Rooms}. It returns {@code void}, a value (sent as the
 * reply) or a {@link java.util.concurrent.CompletionStage} of a value (sent when complete, still in
 * order for the session). Throwing {@link WsException} sends an error reply with its code.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface WsCommand {
  /**
   * The command name; defaults to the method name. Must not be empty, contain whitespace or start
   * with <code>{</code>.
   */
  String value() default "";
}
