package io.switchboard.bench.perf;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * One client WebSocket of the load generator on a non-blocking channel: the upgrade, then
 * server frames parsed in place from one direct buffer and client frames written from one queue,
 * flushed once per read so that the replies to a burst go out in one write.
 *
 * <p>The generator's own collector must show as little as it can in the servers' latency. With a
 * 64 KiB heap array per connection for its output, mostly empty, two repeats of the
 * 1,000-subscriber broadcast had young collections of 26 to 138 ms in the generator, copying those
 * arrays. The input buffer was already off the heap; now the output queue starts small and grows
 * when a burst needs it, and a message is handed over as one reused view of the input, not a new
 * buffer each: the same runs then had pauses of 2 to 23 ms.
 */
final class Connection {

  private static final int BUFFER = 64 * 1024;
  /** The output queue's first size: the upgrade request, or 16 small requests in flight. */
  private static final int FIRST_OUT = 1024;

  private final Load load;
  private final SocketChannel channel;
  private ByteBuffer in = ByteBuffer.allocateDirect(BUFFER);
  private ByteBuffer message = in.duplicate(); // the view of the input handed to the traffic
  private ByteBuffer out = ByteBuffer.allocate(FIRST_OUT);
  private SelectionKey key;
  private boolean upgraded;
  private volatile boolean closed;

  /** Request-reply bookkeeping of {@link RequestReply}: send times by slot, and the counts. */
  long[] sentAt;
  volatile long sent;
  volatile long received;

  private Connection(Load load, SocketChannel channel) {
    this.load = load;
    this.channel = channel;
  }

  /** Connects and sends the upgrade request; {@link #readUpgrade()} completes it. */
  static Connection begin(Load load, InetSocketAddress server, String path) throws IOException {
    SocketChannel channel = SocketChannel.open(server);
    channel.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
    channel.configureBlocking(false);
    Connection connection = new Connection(load, channel);
    connection.queue(ClientFrames.upgradeRequest(server.getHostString(), server.getPort(), path));
    return connection;
  }

  Load load() {
    return load;
  }

  SocketChannel channel() {
    return channel;
  }

  /**
   * Reads the answer to the upgrade; true once its head is complete. Anything after the head is
   * kept: the server may send a first message right away.
   */
  boolean readUpgrade() throws IOException {
    if (channel.read(in) < 0) {
      throw new IOException("the server closed the connection during the upgrade");
    }
    int end = headEnd();
    if (end < 0) {
      if (!in.hasRemaining()) {
        throw new IOException("the upgrade answer does not fit in " + BUFFER + " bytes");
      }
      return false;
    }
    byte[] head = new byte[end];
    in.flip();
    in.get(head);
    in.compact();
    String status = new String(head, 0, Math.min(head.length, 80), StandardCharsets.US_ASCII);
    if (!status.startsWith("HTTP/1.1 101")) {
      throw new IOException("upgrade refused: " + status.lines().findFirst().orElse(status));
    }
    upgraded = true;
    return true;
  }

  /** Length of the answer's head through its blank line, or -1 while it is not complete. */
  private int headEnd() {
    for (int i = 3; i < in.position(); i++) {
      if (in.get(i - 3) == '\r' && in.get(i - 2) == '\n' && in.get(i - 1) == '\r' && in.get(i) == '\n') {
        return i + 1;
      }
    }
    return -1;
  }

  void register(Selector selector) throws IOException {
    key = channel.register(selector, SelectionKey.OP_READ, this);
  }

  /** Parses every whole frame read so far, then flushes what the handlers queued. */
  void onReadable(Traffic traffic) throws IOException {
    if (closed) {
      return;
    }
    if (channel.read(in) < 0) {
      load.closed(this, "the server closed the TCP connection");
      return;
    }
    in.flip();
    while (!closed && frame(traffic)) {
      // one frame handled
    }
    in.compact();
    flush();
  }

  /** Handles one whole server frame at the buffer's position; false when none is complete. */
  private boolean frame(Traffic traffic) {
    int start = in.position();
    if (in.remaining() < 2) {
      return false;
    }
    int first = in.get(start) & 0xFF;
    int second = in.get(start + 1) & 0xFF;
    int header = 2;
    long length = second & 0x7F;
    if (length == 126) {
      header = 4;
      if (in.remaining() < header) {
        return false;
      }
      length = in.getShort(start + 2) & 0xFFFF;
    } else if (length == 127) {
      header = 10;
      if (in.remaining() < header) {
        return false;
      }
      length = in.getLong(start + 2);
    }
    if ((second & 0x80) != 0 || length > BUFFER * 64L) {
      load.closed(this, "a malformed server frame (masked, or of " + length + " bytes)");
      return false;
    }
    if (in.remaining() < header + length) {
      growFor(header + (int) length);
      return false;
    }
    int payloadStart = start + header;
    int payloadEnd = payloadStart + (int) length;
    ByteBuffer payload = message.clear().position(payloadStart).limit(payloadEnd);
    in.position(payloadEnd);
    int opcode = first & 0x0F;
    boolean fin = (first & 0x80) != 0;
    switch (opcode) {
      case ClientFrames.TEXT -> {
        if (fin) {
          traffic.onText(this, payload);
        } else {
          load.error("a fragmented message: the bench expects every message in one frame");
        }
      }
      case ClientFrames.PING -> {
        byte[] data = new byte[payload.remaining()];
        payload.get(data);
        queue(ClientFrames.masked(ClientFrames.PONG, data));
      }
      case ClientFrames.PONG -> {}
      case ClientFrames.CLOSE -> {
        load.closed(this, "the server sent a close frame");
        return false;
      }
      default -> load.error("an unexpected frame, opcode " + opcode);
    }
    return true;
  }

  /** Makes room for a frame larger than the input buffer. */
  private void growFor(int frameBytes) {
    if (frameBytes > in.capacity()) {
      ByteBuffer bigger = ByteBuffer.allocateDirect(Integer.highestOneBit(frameBytes) * 2);
      bigger.put(in);
      bigger.flip();
      in = bigger;
      message = in.duplicate();
    }
  }

  /**
   * Queues a frame; the selector thread flushes after the whole read (or after {@link
   * Traffic#start}). Synchronized: a broadcast publisher sends from its own thread while the
   * selector thread may answer a ping.
   */
  synchronized void queue(byte[] frame) {
    if (out.remaining() < frame.length) {
      ByteBuffer bigger = ByteBuffer.allocate(Math.max(out.capacity() * 2, out.position() + frame.length));
      out.flip();
      bigger.put(out);
      out = bigger;
    }
    out.put(frame);
    if (key == null) {
      flushQuietly(); // still upgrading, no selector yet: the request is small and goes at once
    }
  }

  /** Queues and writes at once, from a thread other than the selector's. */
  synchronized void send(byte[] frame) {
    queue(frame);
    flushQuietly();
  }

  synchronized void flush() throws IOException {
    if (closed) {
      return;
    }
    out.flip();
    channel.write(out);
    out.compact();
    if (key != null && key.isValid()) {
      int wanted = out.position() > 0 ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ;
      if (key.interestOps() != wanted) {
        key.interestOps(wanted);
      }
    }
  }

  private void flushQuietly() {
    try {
      flush();
    } catch (IOException e) {
      load.error("write failed: " + e.getMessage());
    }
  }

  /** Sends a close frame if the connection is still up, and closes the socket. */
  void close() {
    closed = true;
    try {
      if (upgraded && channel.isOpen()) {
        out.clear();
        out.put(ClientFrames.masked(ClientFrames.CLOSE, new byte[] {0x03, (byte) 0xE8}));
        out.flip();
        channel.write(out);
      }
    } catch (IOException e) {
      // the server is gone already: nothing to tell it
    }
    try {
      channel.close();
    } catch (IOException e) {
      // nothing left to release
    }
  }
}
