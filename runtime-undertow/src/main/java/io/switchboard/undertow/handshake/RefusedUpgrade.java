package io.switchboard.undertow.handshake;

import io.undertow.util.AttachmentKey;
import io.undertow.websockets.WebSocketConnectionCallback;
import io.undertow.websockets.core.AbstractReceiveListener;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import java.nio.charset.StandardCharsets;

/**
 * A handshake hook's refusal of a browser, told over the WebSocket itself: browsers hide the HTTP
 * status of a refused upgrade (the page sees close 1006, like a network drop), so the upgrade is
 * accepted and closed at once with {@code 4401} (unauthorized) or {@code 4403} (forbidden) and the
 * hook's reason. No session is made and no handler runs.
 *
 * @param code 4401 or 4403: 4000 + the HTTP status
 * @param reason the hook's reason, cut to what a close frame carries
 */
public record RefusedUpgrade(int code, String reason) {

  /** Where the gate leaves it on the exchange for the connection callback. */
  static final AttachmentKey<RefusedUpgrade> KEY = AttachmentKey.create(RefusedUpgrade.class);

  /** A close reason is at most 123 bytes of UTF-8. */
  private static final int MAX_REASON_BYTES = 123;

  static RefusedUpgrade of(HandshakeRejection rejection) {
    return new RefusedUpgrade(4000 + rejection.status(), fit(rejection.reason()));
  }

  /** The endpoint's callback, unless the gate refused this upgrade: then the close only. */
  public static WebSocketConnectionCallback or(WebSocketConnectionCallback endpoint) {
    return (exchange, channel) -> {
      RefusedUpgrade refused = exchange.getAttachment(KEY);
      if (refused == null) {
        endpoint.onConnect(exchange, channel);
        return;
      }
      // Reading on lets Undertow answer the client's close frame and end the connection.
      channel.getReceiveSetter().set(new AbstractReceiveListener() {});
      channel.resumeReceives();
      WebSockets.sendClose(refused.code(), refused.reason(), channel, null);
    };
  }

  private static String fit(String reason) {
    String text = reason == null ? "" : reason;
    while (text.getBytes(StandardCharsets.UTF_8).length > MAX_REASON_BYTES) {
      text = text.substring(0, text.length() - 1);
    }
    return text;
  }
}
