package io.switchboard.undertow.listener;

import io.switchboard.undertow.StatusCodes;
import io.undertow.server.AbstractServerConnection;
import io.undertow.server.HttpHandler;
import io.undertow.util.StringWriteChannelListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.ChannelListener;
import org.xnio.ChannelListeners;
import org.xnio.IoUtils;
import org.xnio.StreamConnection;
import org.xnio.channels.StreamSinkChannel;

/**
 * {@code max-header-size} with the statuses of RFC 9110 and RFC 6585: a request head over the
 * limit gets 431, a request line over it 414, and the connection is closed without reading the
 * rest. Undertow's own limit answers 400 for both, so this sits in front of Undertow's open
 * listener and counts each head through a {@link RequestHeadConduit}.
 */
final class RequestHeadLimit implements ChannelListener<StreamConnection> {

  private static final Logger LOG = LoggerFactory.getLogger(RequestHeadLimit.class);

  private final int limit;
  private final ChannelListener<StreamConnection> undertow;
  private final IntConsumer refusals;

  /** {@code refusals} learns the status of each refused head (for the metrics). */
  RequestHeadLimit(int limit, ChannelListener<StreamConnection> undertow, IntConsumer refusals) {
    this.limit = limit;
    this.undertow = undertow;
    this.refusals = refusals;
  }

  @Override
  public void handleEvent(StreamConnection connection) {
    connection.getSourceChannel().setConduit(
        new RequestHeadConduit(connection.getSourceChannel().getConduit(), limit, status -> refuse(connection, status)));
    undertow.handleEvent(connection);
  }

  /**
   * Arms the count again when a response completes on a connection that stays open for another
   * request; an upgraded connection speaks WebSocket from then on and is never counted again.
   */
  static HttpHandler countingEachRequest(HttpHandler next) {
    return exchange -> {
      exchange.addExchangeCompleteListener((done, proceed) -> {
        if (done.isPersistent() && !done.isUpgrade()
            && done.getConnection() instanceof AbstractServerConnection connection
            && connection.getOriginalSourceConduit() instanceof RequestHeadConduit head) {
          head.nextRequest();
        }
        proceed.proceed();
      });
      next.handleRequest(exchange);
    };
  }

  private void refuse(StreamConnection connection, int status) {
    String what = status == StatusCodes.HTTP_URI_TOO_LONG ? StatusCodes.REQUEST_LINE_TOO_LONG : StatusCodes.REQUEST_HEAD_TOO_LARGE;
    String body = what + " " + limit + " bytes";
    LOG.info("refused request from {} with {}: {}", connection.getPeerAddress(), status, body);
    refusals.accept(status);
    new StringWriteChannelListener(answer(status, body), StandardCharsets.US_ASCII) {
      @Override
      protected void writeDone(StreamSinkChannel channel) {
        try {
          channel.shutdownWrites();
          if (channel.flush()) {
            IoUtils.safeClose(connection);
          } else { // TLS may need more writes to send the answer: close once it is out
            channel.getWriteSetter().set(ChannelListeners.flushingChannelListener(
                flushed -> IoUtils.safeClose(connection), (c, e) -> IoUtils.safeClose(connection)));
            channel.resumeWrites();
          }
        } catch (IOException e) {
          handleError(channel, e);
        }
      }

      @Override
      protected void handleError(StreamSinkChannel channel, IOException e) {
        IoUtils.safeClose(connection);
      }
    }.setup(connection.getSinkChannel());
  }

  /** A fixed answer, written before any exchange exists (there is no parsed request to answer). */
  private static String answer(int status, String body) {
    String reason = status == StatusCodes.HTTP_URI_TOO_LONG ? "URI Too Long" : "Request Header Fields Too Large";
    return "HTTP/1.1 " + status + " " + reason + "\r\n"
        + "Content-Type: text/plain; charset=utf-8\r\n"
        + "Content-Length: " + body.length() + "\r\n"
        + "Connection: close\r\n\r\n"
        + body;
  }
}
