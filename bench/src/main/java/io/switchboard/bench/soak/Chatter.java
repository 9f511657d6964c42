package io.switchboard.bench.soak;

import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * One well-behaved member of the soak chat: it joins its room, says a line now and then, and
 * counts what it hears. Anything unexpected (an error reply, a text it did not ask for, a close
 * before the run ends) is kept as its first problem.
 */
final class Chatter {

  final int room;
  final LongAdder chatLines = new LongAdder();
  final LongAdder shouts = new LongAdder();
  final CountDownLatch joined = new CountDownLatch(1);
  final AtomicReference<String> problem = new AtomicReference<>();
  private volatile WebSocketChannel channel;
  private volatile boolean ending;
  private int said; // the sending thread's only

  Chatter(int room) {
    this.room = room;
  }

  static String roomName(int room) {
    return "room-" + room;
  }

  void opened(WebSocketChannel channel) {
    this.channel = channel;
    WebSockets.sendText("join " + roomName(room), channel, null);
  }

  /** On the client's IO thread, one message at a time. */
  void onText(String text) {
    if (text.startsWith("{\"event\":\"chat\"")) {
      chatLines.increment();
    } else if (text.startsWith("{\"event\":\"shout\"")) {
      shouts.increment();
    } else if (text.equals("joined " + roomName(room))) {
      joined.countDown();
    } else {
      problem.compareAndSet(null, "unexpected message: " + text);
    }
  }

  void onClose(WebSocketChannel closed) {
    if (!ending) {
      problem.compareAndSet(null, "closed " + closed.getCloseCode() + " " + closed.getCloseReason());
    }
  }

  /** Lines it said; read once the sending thread has stopped. */
  int said() {
    return said;
  }

  /** Says one line to the others in its room; the caller counts it for the room. */
  void say(int id) {
    WebSockets.sendText("say c" + id + "-" + ++said, channel, null);
  }

  void shout(long number) {
    WebSockets.sendText("shout s" + number, channel, null);
  }

  /** The run is over: a close from now on is expected. */
  void end() {
    ending = true;
  }
}
