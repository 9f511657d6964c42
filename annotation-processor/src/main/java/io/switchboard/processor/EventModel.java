package io.switchboard.processor;

/**
 * One event an endpoint declares as a {@code static final Event<T>} field.
 *
 * @param name the event name on the wire
 * @param field the field that declares it, {@code CHAT}
 * @param payload the codec of its payload type {@code T}
 * @param description the field's Javadoc, or empty
 */
record EventModel(String name, String field, CodecRef payload, String description) {}
