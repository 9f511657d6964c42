package io.switchboard;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Called when a handler of this endpoint throws something other than {@link WsException}, after
 * the client got its {@code internal} error reply, and on transport errors. The connection stays
 * up unless the method closes it. Returns {@code void}; parameters are a {@link Throwable} (or a
 * subtype of it) and any of {@link WsSession}, {@link Broadcaster}, {@link Sessions}, {@link
 * Rooms}. At most one per endpoint.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface OnError {}
