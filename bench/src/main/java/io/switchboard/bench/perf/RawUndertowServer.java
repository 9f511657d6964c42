package io.switchboard.bench.perf;

import static io.undertow.Handlers.path;
import static io.undertow.Handlers.websocket;

import io.switchboard.bench.control.ServerControl;
import io.undertow.Undertow;
import io.undertow.websockets.WebSocketConnectionCallback;
import io.undertow.websockets.core.AbstractReceiveListener;
import io.undertow.websockets.core.BufferedTextMessage;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;

/**
 * The baseline the comparison measures everything against: Undertow's own WebSocket API, with
 * Undertow's defaults, as few lines as it takes. {@code /echo} sends every text message back;
 * {@code /relay} sends it to every connection of the endpoint, the sender included.
 */
public final class RawUndertowServer {

  private RawUndertowServer() {}

  public static void main(String[] args) throws Exception {
    Undertow.builder()
        .addHttpListener(ServerControl.port(args), "127.0.0.1")
        .setHandler(
            path()
                .addPrefixPath("/echo", websocket(on(false)))
                .addPrefixPath("/relay", websocket(on(true))))
        .build()
        .start();
    ServerControl.serveUntilStdinCloses();
  }

  private static WebSocketConnectionCallback on(boolean toAll) {
    return (exchange, channel) -> {
      channel.getReceiveSetter().set(
          new AbstractReceiveListener() {
            @Override
            protected void onFullTextMessage(WebSocketChannel from, BufferedTextMessage message) {
              String text = message.getData();
              if (toAll) {
                for (WebSocketChannel peer : from.getPeerConnections()) {
                  WebSockets.sendText(text, peer, null);
                }
              } else {
                WebSockets.sendText(text, from, null);
              }
            }
          });
      channel.resumeReceives();
    };
  }
}
