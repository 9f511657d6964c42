/**
 * The wire format of {@code docs/protocol.md} as the runtime writes it: replies ({@link
 * Replies}), server pushes ({@link Pushes}) and the frames of session recovery ({@link
 * RecoveryRequest}, {@link SessionFrame}), read side by side with the page. Requests are parsed by
 * {@code io.switchboard.spi.Envelope}, which stays in the API: the processor's tests drive
 * generated dispatchers with it, and the processor cannot depend on the runtime.
 */
package io.switchboard.undertow.wire;
