package io.switchboard.processor;

/**
 * One {@code @WsCommand} method.
 *
 * @param name the command name
 * @param call how to call the method
 * @param payloadName the payload type's simple name for {@code CommandInfo}, or empty
 * @param nonBlocking whether it carries {@code @NonBlocking}
 * @param argument the text-line form of the payload for {@code CommandInfo}, or empty
 * @param description the method's Javadoc, or empty
 */
record CommandModel(
    String name, HandlerCall call, String payloadName, boolean nonBlocking, String argument, String description) {}
