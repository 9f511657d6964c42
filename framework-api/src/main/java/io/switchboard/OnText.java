package io.switchboard;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Receives every text message of the endpoint raw, as a {@code String} parameter, with no command
 * parsing (plus any of {@link WsSession}, {@link Broadcaster}, {@link Sessions}, {@link Rooms}).
 * Returning a {@code String} sends it back as a text message; {@code void} sends nothing. For
 * endpoints that speak their own text protocol, such as an echo; an endpoint with an
 * {@code @OnText} method has no {@link WsCommand} methods. At most one per endpoint.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface OnText {}
