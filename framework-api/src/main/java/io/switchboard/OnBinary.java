package io.switchboard;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Receives every binary message of the endpoint as a {@code byte[]} or {@link java.nio.ByteBuffer}
 * parameter, plus any of {@link WsSession}, {@link Broadcaster}, {@link Sessions}, {@link Rooms}.
 * Returning a {@code byte[]} or {@code ByteBuffer} sends it back as a binary message; {@code void}
 * sends nothing. Without such a method a binary message closes the connection with 1003. At most
 * one per endpoint.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface OnBinary {}
