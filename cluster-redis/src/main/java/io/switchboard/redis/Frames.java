package io.switchboard.redis;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The body of a push between nodes: who sent it, who must not get it, and the push exactly as the
 * origin encoded it (receivers never re-encode).
 *
 * <pre>
 * version (1 byte, 1) | node id length (1 byte) | node id | excluded session id length (1 byte,
 * 0 for none) | excluded session id | the push's UTF-8 JSON
 * </pre>
 */
final class Frames {

  private static final byte VERSION = 1;

  private Frames() {}

  /** A push as received from another node (its origin is only compared, by {@link #isFrom}). */
  record Frame(String exceptSessionId, byte[] message) {}

  static byte[] encode(String origin, String exceptSessionId, byte[] message) {
    byte[] node = origin.getBytes(StandardCharsets.US_ASCII);
    byte[] except =
        exceptSessionId == null ? new byte[0] : exceptSessionId.getBytes(StandardCharsets.UTF_8);
    if (node.length > 255 || except.length > 255) {
      throw new IllegalArgumentException("node or session id longer than 255 bytes");
    }
    byte[] frame = new byte[3 + node.length + except.length + message.length];
    int at = 0;
    frame[at++] = VERSION;
    frame[at++] = (byte) node.length;
    System.arraycopy(node, 0, frame, at, node.length);
    at += node.length;
    frame[at++] = (byte) except.length;
    System.arraycopy(except, 0, frame, at, except.length);
    at += except.length;
    System.arraycopy(message, 0, frame, at, message.length);
    return frame;
  }

  /**
   * The origin node of a frame, without decoding the rest (to skip this node's own pushes cheaply).
   *
   * @throws IllegalArgumentException if it is not a frame of this version
   */
  static boolean isFrom(byte[] frame, byte[] node) {
    check(frame);
    int length = frame[1] & 0xff;
    return length == node.length && Arrays.equals(frame, 2, 2 + length, node, 0, node.length);
  }

  static Frame decode(byte[] frame) {
    check(frame);
    int at = 2 + (frame[1] & 0xff); // past the version and the origin node
    int exceptLength = frame[at++] & 0xff;
    String except =
        exceptLength == 0 ? null : new String(frame, at, exceptLength, StandardCharsets.UTF_8);
    at += exceptLength;
    return new Frame(except, Arrays.copyOfRange(frame, at, frame.length));
  }

  private static void check(byte[] frame) {
    if (frame.length < 3 || frame[0] != VERSION || frame.length < 3 + (frame[1] & 0xff)) {
      throw new IllegalArgumentException("not a switchboard frame of version " + VERSION);
    }
  }
}
