package io.switchboard.undertow.send;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One encoded message on its way out. Immutable and shared: a broadcast builds one and queues it
 * for every recipient, each of which writes a {@link #payload() duplicate} of the same bytes.
 */
public final class OutboundMessage {

  /** The frame type. */
  public enum Kind {
    TEXT,
    BINARY
  }

  private final ByteBuffer bytes;
  private final Kind kind;
  private final boolean push;

  private OutboundMessage(ByteBuffer bytes, Kind kind, boolean push) {
    this.bytes = bytes.asReadOnlyBuffer();
    this.kind = kind;
    this.push = push;
  }

  /** A reply or a direct send: never dropped by {@code DROP_OLDEST}. */
  public static OutboundMessage text(byte[] utf8) {
    return new OutboundMessage(ByteBuffer.wrap(utf8), Kind.TEXT, false);
  }

  /** A reply or a direct send: never dropped by {@code DROP_OLDEST}. */
  public static OutboundMessage text(String text) {
    return text(text.getBytes(StandardCharsets.UTF_8));
  }

  /** A server push (an event): may be dropped under {@code DROP_OLDEST}. */
  public static OutboundMessage push(byte[] utf8) {
    return new OutboundMessage(ByteBuffer.wrap(utf8), Kind.TEXT, true);
  }

  /** A binary message; the buffer's remaining bytes, which must not change afterwards. */
  public static OutboundMessage binary(ByteBuffer data) {
    return new OutboundMessage(data.slice(), Kind.BINARY, false);
  }

  /** A fresh view of the bytes for one write; the content is shared, not copied. */
  public ByteBuffer payload() {
    return bytes.duplicate();
  }

  public Kind kind() {
    return kind;
  }

  /** Whether this is a push that {@code DROP_OLDEST} may discard. */
  public boolean isPush() {
    return push;
  }

  /** The size in bytes, as counted against the queue bound. */
  public int size() {
    return bytes.remaining();
  }

  /** The text of a {@link Kind#TEXT} message (for tests and logs). */
  @Override
  public String toString() {
    return kind == Kind.TEXT ? StandardCharsets.UTF_8.decode(payload()).toString() : kind + "[" + size() + "]";
  }
}
