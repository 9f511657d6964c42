package io.switchboard;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Called once when the session ends, however it ends: a close frame from either side, a heartbeat
 * or idle timeout, a network error (then the {@link CloseReason} code is 1006), or server
 * shutdown. The session has already left its rooms. Returns {@code void}; parameters are any of
 * {@link WsSession}, {@link CloseReason}, {@link Broadcaster}, {@link Sessions}, {@link Rooms}. At
 * most one per endpoint.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface OnClose {}
