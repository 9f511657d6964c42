package io.switchboard;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Called once after the handshake, before the session's first message is handled. Returns
 * {@code void}; parameters are any of {@link WsSession}, {@link Broadcaster}, {@link Sessions},
 * {@link Rooms}. At most one per endpoint.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface OnOpen {}
