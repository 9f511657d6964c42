package io.switchboard.undertow.listener;

import io.switchboard.undertow.StatusCodes;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.function.IntConsumer;
import org.xnio.channels.StreamSinkChannel;
import org.xnio.conduits.AbstractStreamSourceConduit;
import org.xnio.conduits.ConduitReadableByteChannel;
import org.xnio.conduits.Conduits;
import org.xnio.conduits.StreamSourceConduit;

/**
 * Counts the bytes of a request head (request line and headers, up to the empty line) as
 * Undertow's HTTP parser reads them, in plaintext (after TLS). Past the limit it hands the parser
 * nothing more: the bytes of that read are taken back, reads stop for good, and {@code refusal}
 * learns the status, 414 while the request line is still going on, 431 after it. Between heads
 * (a request's body, the frames of an upgraded WebSocket) bytes pass through untouched, until
 * {@link #nextRequest()} arms the count again.
 *
 * <p>Reads happen on the connection's IO thread; {@link #nextRequest()} may come from a worker
 * thread as a response completes, before Undertow resumes reading for the next request.
 */
final class RequestHeadConduit extends AbstractStreamSourceConduit<StreamSourceConduit> {

  private final int limit;
  private final IntConsumer refusal;
  private volatile boolean inHead = true;
  private int headBytes;
  private boolean inRequestLine = true;
  private boolean lineEmpty = true;
  private boolean refused;

  RequestHeadConduit(StreamSourceConduit next, int limit, IntConsumer refusal) {
    super(next);
    this.limit = limit;
    this.refusal = refusal;
  }

  /** The response to the current request is complete: the next bytes begin a new head. */
  void nextRequest() {
    inHead = true;
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    if (refused) {
      return 0;
    }
    if (!inHead) {
      return next.read(dst);
    }
    int start = dst.position();
    int read = next.read(dst);
    if (read > 0 && !withinLimit(dst, start, start + read)) {
      dst.position(start); // the parser never sees the bytes over the limit
      return 0;
    }
    return read;
  }

  @Override
  public long read(ByteBuffer[] dsts, int offs, int len) throws IOException {
    if (!inHead) {
      return next.read(dsts, offs, len);
    }
    for (int i = offs; i < offs + len; i++) {
      if (dsts[i].hasRemaining()) {
        return read(dsts[i]); // a read may fill less than it is offered
      }
    }
    return 0;
  }

  @Override
  public long transferTo(long position, long count, FileChannel target) throws IOException {
    return inHead
        ? target.transferFrom(new ConduitReadableByteChannel(this), position, count)
        : next.transferTo(position, count, target);
  }

  @Override
  public long transferTo(long count, ByteBuffer throughBuffer, StreamSinkChannel target)
      throws IOException {
    return inHead ? Conduits.transfer(this, count, throughBuffer, target) : next.transferTo(count, throughBuffer, target);
  }

  /** Once refused, Undertow's parser asks to read again; the rest of the head stays unread. */
  @Override
  public void resumeReads() {
    if (!refused) {
      next.resumeReads();
    }
  }

  @Override
  public void wakeupReads() {
    if (!refused) {
      next.wakeupReads();
    }
  }

  /** Scans the bytes just read for the end of the head; false once the head is over the limit. */
  private boolean withinLimit(ByteBuffer buffer, int from, int to) {
    for (int i = from; i < to; i++) {
      if (++headBytes > limit) {
        refused = true;
        next.suspendReads();
        refusal.accept(inRequestLine ? StatusCodes.HTTP_URI_TOO_LONG : StatusCodes.HTTP_REQUEST_HEADER_FIELDS_TOO_LARGE);
        return false;
      }
      byte b = buffer.get(i);
      if (b == '\n') {
        if (lineEmpty && !inRequestLine) {
          endOfHead();
          return true; // what follows is a body or WebSocket frames: not counted
        }
        if (!lineEmpty) { // empty lines before the request line are tolerated, as by Undertow
          inRequestLine = false;
        }
        lineEmpty = true;
      } else if (b != '\r') {
        lineEmpty = false;
      }
    }
    return true;
  }

  private void endOfHead() {
    inHead = false;
    headBytes = 0;
    inRequestLine = true;
    lineEmpty = true;
  }
}
