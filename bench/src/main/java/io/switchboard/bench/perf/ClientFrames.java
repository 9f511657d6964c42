package io.switchboard.bench.perf;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The client's side of RFC 6455 framing, encoded ahead of time: a masked frame of one message is
 * built once and written as often as needed, so that the load generator spends its time on the
 * network and not on encoding.
 */
final class ClientFrames {

  static final int TEXT = 0x1;
  static final int CLOSE = 0x8;
  static final int PING = 0x9;
  static final int PONG = 0xA;

  private ClientFrames() {}

  static byte[] text(String message) {
    return masked(TEXT, message.getBytes(StandardCharsets.UTF_8));
  }

  /** A final frame of {@code opcode} with the payload masked by a random key, as a client must. */
  static byte[] masked(int opcode, byte[] payload) {
    int length = payload.length;
    int lengthBytes = length < 126 ? 0 : length < 65_536 ? 2 : 8;
    byte[] frame = new byte[2 + lengthBytes + 4 + length];
    frame[0] = (byte) (0x80 | opcode);
    int at = 2;
    if (lengthBytes == 0) {
      frame[1] = (byte) (0x80 | length);
    } else if (lengthBytes == 2) {
      frame[1] = (byte) (0x80 | 126);
      frame[at++] = (byte) (length >>> 8);
      frame[at++] = (byte) length;
    } else {
      frame[1] = (byte) (0x80 | 127);
      for (int shift = 56; shift >= 0; shift -= 8) {
        frame[at++] = (byte) ((long) length >>> shift);
      }
    }
    byte[] key = new byte[4];
    ThreadLocalRandom.current().nextBytes(key);
    System.arraycopy(key, 0, frame, at, 4);
    at += 4;
    for (int i = 0; i < length; i++) {
      frame[at + i] = (byte) (payload[i] ^ key[i & 3]);
    }
    return frame;
  }

  /** The opening handshake's request; the key is fixed, since the answer is only checked for 101. */
  static byte[] upgradeRequest(String host, int port, String path) {
    return ("GET " + path + " HTTP/1.1\r\n"
            + "Host: " + host + ":" + port + "\r\n"
            + "Upgrade: websocket\r\n"
            + "Connection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
            + "Sec-WebSocket-Version: 13\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }
}
