package io.switchboard.test;

import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.server.handlers.PathHandler;
import io.undertow.websockets.core.AbstractReceiveListener;
import io.undertow.websockets.core.BufferedBinaryMessage;
import io.undertow.websockets.core.BufferedTextMessage;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.spi.WebSocketHttpExchange;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.function.BiConsumer;

/**
 * A bare Undertow WebSocket server on a free loopback port whose every reaction a test writes
 * itself: lets the client's tests produce what a well-behaved Switchboard server never sends (an
 * abrupt drop, a reply to an unknown id, pushes interleaved with replies) independently of the
 * runtime. {@code /ws} runs the script; {@code /forbidden} answers every request with 403.
 */
final class ScriptedServer implements AutoCloseable {

  /** What the server does with one text message; {@code channel} is the sender's connection. */
  interface Script {
    void onText(String text, WebSocketChannel channel) throws IOException;
  }

  private final Undertow undertow;

  private ScriptedServer(Undertow undertow) {
    this.undertow = undertow;
  }

  /**
   * Starts the server.
   *
   * @param onOpen called after each handshake with the request (to read its headers)
   * @param script called for each text message; binary messages are echoed
   */
  static ScriptedServer start(
      BiConsumer<WebSocketHttpExchange, WebSocketChannel> onOpen, Script script) {
    PathHandler paths =
        Handlers.path()
            .addExactPath(
                "/ws",
                Handlers.websocket(
                    (exchange, channel) -> {
                      onOpen.accept(exchange, channel);
                      channel.getReceiveSetter().set(new ScriptListener(script));
                      channel.resumeReceives();
                    }))
            .addExactPath("/forbidden", exchange -> exchange.setStatusCode(403).endExchange());
    Undertow undertow =
        Undertow.builder().addHttpListener(0, "127.0.0.1").setHandler(paths).build();
    undertow.start();
    return new ScriptedServer(undertow);
  }

  static ScriptedServer start(Script script) {
    return start((exchange, channel) -> {}, script);
  }

  URI uri(String path) {
    InetSocketAddress address = (InetSocketAddress) undertow.getListenerInfo().get(0).getAddress();
    return URI.create("ws://127.0.0.1:" + address.getPort() + path);
  }

  @Override
  public void close() {
    undertow.stop();
  }

  private static final class ScriptListener extends AbstractReceiveListener {
    private final Script script;

    ScriptListener(Script script) {
      this.script = script;
    }

    @Override
    protected void onFullTextMessage(WebSocketChannel channel, BufferedTextMessage message)
        throws IOException {
      script.onText(message.getData(), channel);
    }

    @Override
    protected void onFullBinaryMessage(WebSocketChannel channel, BufferedBinaryMessage message) {
      io.undertow.websockets.core.WebSockets.sendBinary(
          message.getData().getResource(), channel, null);
    }
  }
}
