package io.switchboard.redis;

import io.switchboard.undertow.cluster.LocalDelivery;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The bodies of the messages between nodes. Every one starts with its kind and the node that sent
 * it; a push carries the push exactly as the origin encoded it (receivers never re-encode).
 *
 * <pre>
 * kind (1 byte) | origin node id length (1 byte) | origin node id | then, by kind:
 *   1, a push:          excluded session id length (1 byte, 0 for none) | its id | the push's JSON
 *   2, a numbered push: as 1, but the push is preceded by its offset in ASCII digits and ':'
 *                       (written by the history script in Redis, which numbers it)
 *   3, a control:       'M' | node id  (a session moved: that node, which kept it, hands it over)
 *                       'H' | complete (1 byte) | count (4 bytes) | per message: length (4) | bytes
 *                       'D' | node id  (the session's client is back elsewhere: that node drops
 *                                       the session's connection, as lost)
 *                       'K'            (the session was dropped and kept: it may be taken over)
 * </pre>
 */
final class Frames {

  static final byte PUSH = 1;
  static final byte NUMBERED = 2;
  static final byte CONTROL = 3;
  static final byte MOVED = 'M';
  static final byte HANDED_OVER = 'H';
  static final byte DROP = 'D';
  static final byte KEPT = 'K';

  private Frames() {}

  /** A push as received from another node (its origin is only compared, by {@link #isFrom}). */
  record Frame(String exceptSessionId, byte[] message) {}

  /** A numbered push, from any node (this one's too). */
  record Numbered(long offset, String exceptSessionId, byte[] message) {}

  static byte[] encode(String origin, String exceptSessionId, byte[] message) {
    byte[] header = header(PUSH, origin, exceptSessionId);
    byte[] frame = Arrays.copyOf(header, header.length + message.length);
    System.arraycopy(message, 0, frame, header.length, message.length);
    return frame;
  }

  /** What precedes a numbered push's offset: the history script appends the rest. */
  static byte[] numberedHeader(String origin, String exceptSessionId) {
    return header(NUMBERED, origin, exceptSessionId);
  }

  private static byte[] header(byte kind, String origin, String exceptSessionId) {
    byte[] node = origin.getBytes(StandardCharsets.US_ASCII);
    byte[] except =
        exceptSessionId == null ? new byte[0] : exceptSessionId.getBytes(StandardCharsets.UTF_8);
    if (node.length > 255 || except.length > 255) {
      throw new IllegalArgumentException("node or session id longer than 255 bytes");
    }
    byte[] header = new byte[3 + node.length + except.length];
    int at = 0;
    header[at++] = kind;
    header[at++] = (byte) node.length;
    System.arraycopy(node, 0, header, at, node.length);
    at += node.length;
    header[at++] = (byte) except.length;
    System.arraycopy(except, 0, header, at, except.length);
    return header;
  }

  /**
   * The kind of a frame.
   *
   * @throws IllegalArgumentException if it is not a frame of a known kind
   */
  static byte kind(byte[] frame) {
    if (frame.length < 3 || frame[0] < PUSH || frame[0] > CONTROL || frame.length < 3 + (frame[1] & 0xff)) {
      throw new IllegalArgumentException("not a switchboard frame");
    }
    return frame[0];
  }

  /** Whether {@code node} sent the frame, without decoding the rest (to skip its own cheaply). */
  static boolean isFrom(byte[] frame, byte[] node) {
    kind(frame);
    int length = frame[1] & 0xff;
    return length == node.length && Arrays.equals(frame, 2, 2 + length, node, 0, node.length);
  }

  static Frame decode(byte[] frame) {
    int at = bodyStart(frame);
    return new Frame(exceptSessionId(frame), Arrays.copyOfRange(frame, at, frame.length));
  }

  /** A numbered push, its offset read in place and the push copied once. */
  static Numbered decodeNumbered(byte[] frame) {
    int at = bodyStart(frame);
    int digits = at;
    long offset = 0;
    while (digits < frame.length && frame[digits] >= '0' && frame[digits] <= '9') {
      offset = offset * 10 + (frame[digits++] - '0');
    }
    if (digits == at || digits == frame.length || frame[digits] != ':') {
      throw new IllegalArgumentException("numbered frame without its offset");
    }
    return new Numbered(offset, exceptSessionId(frame), Arrays.copyOfRange(frame, digits + 1, frame.length));
  }

  /** Where a push frame's body begins: past the kind, the origin node and the excluded session. */
  private static int bodyStart(byte[] frame) {
    kind(frame);
    int exceptAt = 2 + (frame[1] & 0xff);
    return exceptAt + 1 + (frame[exceptAt] & 0xff);
  }

  private static String exceptSessionId(byte[] frame) {
    int exceptAt = 2 + (frame[1] & 0xff);
    int length = frame[exceptAt] & 0xff;
    return length == 0 ? null : new String(frame, exceptAt + 1, length, StandardCharsets.UTF_8);
  }

  /** "The session moved here: {@code holder}, which kept it, hands over what it kept." */
  static byte[] moved(String origin, String holder) {
    return control(origin, MOVED, holder.getBytes(StandardCharsets.US_ASCII));
  }

  /** "The session's client came back here: {@code holder}, drop its connection." */
  static byte[] drop(String origin, String holder) {
    return control(origin, DROP, holder.getBytes(StandardCharsets.US_ASCII));
  }

  /** "The session was dropped and kept here: take it over." */
  static byte[] kept(String origin) {
    return control(origin, KEPT, new byte[0]);
  }

  static byte[] handedOver(String origin, LocalDelivery.Kept kept) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeBoolean(kept.complete());
      out.writeInt(kept.messages().size());
      for (byte[] message : kept.messages()) {
        out.writeInt(message.length);
        out.write(message);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return control(origin, HANDED_OVER, bytes.toByteArray());
  }

  private static byte[] control(String origin, byte what, byte[] body) {
    byte[] node = origin.getBytes(StandardCharsets.US_ASCII);
    byte[] frame = new byte[3 + node.length + body.length];
    frame[0] = CONTROL;
    frame[1] = (byte) node.length;
    System.arraycopy(node, 0, frame, 2, node.length);
    frame[2 + node.length] = what;
    System.arraycopy(body, 0, frame, 3 + node.length, body.length);
    return frame;
  }

  /** What a control frame says: {@link #MOVED} or {@link #HANDED_OVER}. */
  static byte control(byte[] frame) {
    return frame[2 + (frame[1] & 0xff)];
  }

  /** The node a {@link #MOVED} or {@link #DROP} frame names. */
  static String holder(byte[] frame) {
    int at = 3 + (frame[1] & 0xff);
    return new String(frame, at, frame.length - at, StandardCharsets.US_ASCII);
  }

  static LocalDelivery.Kept handedOverMessages(byte[] frame) {
    int at = 3 + (frame[1] & 0xff);
    try (DataInputStream in =
        new DataInputStream(new java.io.ByteArrayInputStream(frame, at, frame.length - at))) {
      boolean complete = in.readBoolean();
      int count = in.readInt();
      List<byte[]> messages = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        byte[] message = new byte[in.readInt()];
        in.readFully(message);
        messages.add(message);
      }
      return new LocalDelivery.Kept(messages, complete);
    } catch (IOException e) {
      throw new IllegalArgumentException("bad hand-over frame", e);
    }
  }
}
