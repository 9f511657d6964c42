package io.switchboard.bench.soak;

import io.undertow.websockets.core.WebSocketCallback;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;

/**
 * A client that joins one room and says the same line into it, as often as it is told: the
 * flooder (far above the rate limit, alone in its room, until the server cuts it off) and the
 * feeder (below the limit, long lines into the slow reader's room, so that the slow reader's
 * queue fills however large the kernel's socket buffers grow). At most {@link #IN_FLIGHT} lines
 * wait in its client at a time: once the server stops reading it, it stops sending.
 */
final class RoomSender {

  static final String FLOOD_ROOM = "flood";
  static final String SLOW_ROOM = "slow";

  private static final int IN_FLIGHT = 256;

  final CountDownLatch joined = new CountDownLatch(1);
  private final String room;
  private final String line;
  private final Semaphore inFlight = new Semaphore(IN_FLIGHT);
  private final WebSocketCallback<Void> written =
      new WebSocketCallback<>() {
        @Override
        public void complete(WebSocketChannel channel, Void context) {
          inFlight.release();
        }

        @Override
        public void onError(WebSocketChannel channel, Void context, Throwable throwable) {
          inFlight.release();
        }
      };
  private volatile WebSocketChannel channel;
  private volatile String closedWith;
  private long sent; // the sending thread's

  RoomSender(String room, String text) {
    this.room = room;
    this.line = "say " + text;
  }

  static RoomSender flooder() {
    return new RoomSender(FLOOD_ROOM, "flood");
  }

  static RoomSender feeder() {
    return new RoomSender(SLOW_ROOM, "f".repeat(4000));
  }

  void opened(WebSocketChannel channel) {
    this.channel = channel;
    WebSockets.sendText("join " + room, channel, null);
  }

  /** No one else speaks in its room: only the join's answer matters (and shouts, ignored). */
  void onText(String text) {
    if (text.equals("joined " + room)) {
      joined.countDown();
    }
  }

  void onClose(WebSocketChannel closed) {
    closedWith = closed.getCloseCode() + " " + closed.getCloseReason();
  }

  /** Sends {@code count} more lines, unless closed. */
  void send(int count) {
    WebSocketChannel open = channel;
    for (int i = 0; i < count && closedWith == null && open.isOpen() && inFlight.tryAcquire(); i++) {
      WebSockets.sendText(line, open, written);
      sent++;
    }
  }

  long sent() {
    return sent;
  }

  /** The close code and reason it got, or null while open. */
  String closedWith() {
    return closedWith;
  }
}
