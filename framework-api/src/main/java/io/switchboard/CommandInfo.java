package io.switchboard;

/**
 * One command of an endpoint, as listed in its generated dispatch table.
 *
 * @param name the command name
 * @param handler the handling method, {@code "ChatEndpoint#say(ChatLine, Broadcaster)"}
 * @param payload the payload type's simple name, or empty when the command takes none
 * @param nonBlocking whether the handler runs on the IO thread ({@link NonBlocking})
 */
public record CommandInfo(String name, String handler, String payload, boolean nonBlocking) {}
