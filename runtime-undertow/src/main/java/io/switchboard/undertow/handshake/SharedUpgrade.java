package io.switchboard.undertow.handshake;

import io.undertow.server.HttpServerExchange;
import io.undertow.server.HttpUpgradeListener;
import io.undertow.websockets.WebSocketConnectionCallback;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.protocol.Handshake;
import io.undertow.websockets.spi.AsyncWebSocketHttpServerExchange;
import java.util.Collections;
import java.util.Set;
import org.xnio.StreamConnection;

/**
 * Turns an upgraded connection into a WebSocket channel: one listener for every connection of an
 * endpoint, which Undertow hands the exchange when the upgrade happens.
 *
 * <p>Undertow's own listener is made per connection and keeps the request's exchange, and the
 * HTTP connection keeps its upgrade listener as long as the socket is open: every WebSocket
 * connection would hold its HTTP request, headers and all, for its whole life, some 1.6 KB of heap
 * that nothing reads after the upgrade. This one keeps nothing of a connection, and the endpoint's
 * callback must not either: it gets the exchange for the length of its call.
 */
public final class SharedUpgrade implements HttpUpgradeListener {

  // Undertow's own listener adds each channel to a set of the endpoint's open connections, which
  // WebSocketChannel.getPeerConnections() returns; the runtime keeps its own registry and never
  // reads it, so there is none: a channel only removes itself from the set as it closes, which the
  // empty set allows.
  private static final Set<WebSocketChannel> NO_PEERS = Collections.emptySet();

  private final Handshake handshake;
  private final WebSocketConnectionCallback callback;

  /**
   * @param handshake the endpoint's only handshake, RFC 6455's (version 13; the gate refuses any
   *     other version), with its extensions added: the one its {@code
   *     WebSocketProtocolHandshakeHandler} matched the request with
   */
  public SharedUpgrade(Handshake handshake, WebSocketConnectionCallback callback) {
    this.handshake = handshake;
    this.callback = callback;
  }

  @Override
  public void handleUpgrade(StreamConnection connection, HttpServerExchange exchange) {
    AsyncWebSocketHttpServerExchange facade = new AsyncWebSocketHttpServerExchange(exchange, NO_PEERS);
    WebSocketChannel channel = handshake.createChannel(facade, connection, facade.getBufferPool());
    callback.onConnect(facade, channel);
  }
}
