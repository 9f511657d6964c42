package io.switchboard.undertow.testing;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The client's side of a permessage-deflate conversation (RFC 7692) with context takeover both
 * ways: one deflater for what it sends, one inflater for what it receives, for the connection's
 * life.
 */
public final class PerMessageDeflate {

  /** The end of a sync flush, which 7.2.1 drops from every message and 7.2.2 puts back. */
  private static final byte[] TAIL = {0, 0, (byte) 0xff, (byte) 0xff};

  private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
  private final Inflater inflater = new Inflater(true);

  /** A message's payload as sent with RSV1 set. */
  public byte[] compress(byte[] message) {
    if (message.length == 0) {
      return new byte[] {0}; // 7.2.3.6: an empty message is one empty uncompressed block
    }
    deflater.setInput(message);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int length;
    do {
      length = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
      out.write(buffer, 0, length);
    } while (length == buffer.length || !deflater.needsInput());
    byte[] bytes = out.toByteArray();
    return Arrays.copyOf(bytes, bytes.length - TAIL.length);
  }

  /** The message a payload received with RSV1 set carries. */
  public byte[] decompress(byte[] payload) throws DataFormatException {
    ByteArrayOutputStream in = new ByteArrayOutputStream();
    in.writeBytes(payload);
    in.writeBytes(TAIL);
    inflater.setInput(in.toByteArray());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    while (!inflater.needsInput()) {
      out.write(buffer, 0, inflater.inflate(buffer));
    }
    return out.toByteArray();
  }
}
