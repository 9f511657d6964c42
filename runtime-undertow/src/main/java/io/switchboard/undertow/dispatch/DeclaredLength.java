package io.switchboard.undertow.dispatch;

import io.switchboard.CloseReason;
import io.switchboard.undertow.session.ServerSession;
import io.undertow.websockets.core.StreamSourceFrameChannel;
import io.undertow.websockets.core.WebSocketChannel;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Refuses a message by the lengths its frame headers declare, before the payload arrives: a
 * header that declares 2^63-1 bytes would otherwise keep the connection open, waiting for them.
 * Undertow adds up the declared lengths of a message's frames and closes the message's channel
 * as soon as they pass the limit (what still arrives of it is discarded); this turns that close
 * into close 1009, sent at once. As after any close, a client that does not answer it is
 * dropped after {@code close-timeout}.
 */
final class DeclaredLength {

  private static final ByteBuffer NOTHING = ByteBuffer.allocate(0);

  private DeclaredLength() {}

  /**
   * Watches a message that begins; false if its first frame already declares too much (the
   * session is then closing with 1009), true to read it.
   */
  static boolean admit(StreamSourceFrameChannel message, long maxMessageSize, ServerSession session) {
    WebSocketChannel connection = message.getWebSocketChannel();
    boolean[] refused = {false}; // IO thread only
    message.addCloseTask(
        closed -> {
          // A message read to its end closes too; one cut off by the limit has no end to read.
          if (!refused[0] && !readToTheEnd(closed) && connection.isOpen() && !connection.isCloseFrameSent()) {
            refused[0] = true;
            session.close(new CloseReason(
                CloseReason.MESSAGE_TOO_BIG, "message too big: over " + maxMessageSize + " bytes"));
          }
        });
    message.setMaxStreamSize(maxMessageSize); // closes it at once if the first frame is too long
    return !refused[0];
  }

  private static boolean readToTheEnd(StreamSourceFrameChannel message) {
    try {
      return message.read(NOTHING) == -1; // no side effect: -1 once done, else 0 for no room
    } catch (IOException e) {
      return false;
    }
  }
}
