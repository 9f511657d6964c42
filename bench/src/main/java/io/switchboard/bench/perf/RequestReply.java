package io.switchboard.bench.perf;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Recorder;

/**
 * Closed-loop traffic: every connection keeps {@code inFlight} requests outstanding, sending the
 * next as each reply arrives. The requests are pre-encoded masked frames, one per in-flight slot;
 * a server answers a connection's requests in order, so the n-th reply belongs to slot n mod
 * in-flight, and must equal that slot's expected reply byte for byte. Its latency, from the
 * request's write to the reply's read, goes into an HdrHistogram in nanoseconds.
 */
final class RequestReply implements Traffic {

  private static final long MAX_NANOS = TimeUnit.MINUTES.toNanos(1);

  private final byte[][] requests;
  private final ByteBuffer[] replies;
  private final Recorder latencyNanos = new Recorder(1, MAX_NANOS, 3);
  private volatile boolean sending = true;

  /**
   * @param requests the request message of each in-flight slot
   * @param replies the reply each request must get, in the same order
   */
  RequestReply(List<String> requests, List<String> replies) {
    if (requests.size() != replies.size() || requests.isEmpty()) {
      throw new IllegalArgumentException("one expected reply per request, at least one");
    }
    this.requests = requests.stream().map(ClientFrames::text).toArray(byte[][]::new);
    this.replies =
        replies.stream()
            .map(r -> ByteBuffer.wrap(r.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
            .toArray(ByteBuffer[]::new);
  }

  Recorder latencyNanos() {
    return latencyNanos;
  }

  /** Sends no more requests; those in flight still get their replies. */
  void stopSending() {
    sending = false;
  }

  @Override
  public void start(Connection connection) {
    connection.sentAt = new long[requests.length];
    for (int i = 0; i < requests.length; i++) {
      sendNext(connection);
    }
  }

  @Override
  public void onText(Connection connection, ByteBuffer payload) {
    long now = System.nanoTime();
    int slot = (int) (connection.received % requests.length);
    if (!payload.equals(replies[slot])) {
      connection.load().error("a wrong reply: " + java.nio.charset.StandardCharsets.UTF_8.decode(payload));
    }
    latencyNanos.recordValue(Math.min(MAX_NANOS, now - connection.sentAt[slot]));
    connection.received++;
    if (sending) {
      sendNext(connection);
    }
  }

  private void sendNext(Connection connection) {
    int slot = (int) (connection.sent % requests.length);
    connection.sentAt[slot] = System.nanoTime();
    connection.queue(requests[slot]);
    connection.sent++;
  }

  /** Whether every request sent has its reply (read from another thread: a settled figure only). */
  static boolean drained(List<Connection> connections) {
    for (Connection c : connections) {
      if (c.sent != c.received) {
        return false;
      }
    }
    return true;
  }
}
