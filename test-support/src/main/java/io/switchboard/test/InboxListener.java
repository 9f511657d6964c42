package io.switchboard.test;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.CloseReason;
import java.io.ByteArrayOutputStream;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletionStage;

/**
 * Puts every whole message the JDK client receives into an {@link Inbox}, joining the parts of a
 * fragmented message first, and records how the connection ended.
 */
final class InboxListener implements WebSocket.Listener {

  private final Inbox inbox;
  private final ObjectMapper mapper;
  private final StringBuilder textParts = new StringBuilder();
  private final ByteArrayOutputStream binaryParts = new ByteArrayOutputStream();

  InboxListener(Inbox inbox, ObjectMapper mapper) {
    this.inbox = inbox;
    this.mapper = mapper;
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    textParts.append(data);
    if (last) {
      inbox.add(Received.text(textParts.toString(), mapper));
      textParts.setLength(0);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
    byte[] part = new byte[data.remaining()];
    data.get(part);
    binaryParts.writeBytes(part);
    if (last) {
      inbox.add(Received.binary(binaryParts.toByteArray()));
      binaryParts.reset();
    }
    webSocket.request(1);
    return null;
  }

  /** Returning null lets the JDK answer the server's close frame with the same code. */
  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    inbox.end(new CloseReason(statusCode, reason), null);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    inbox.end(new CloseReason(CloseReason.ABNORMAL_CLOSURE, String.valueOf(error)), error);
  }
}
