package io.switchboard.undertow.listener;

import io.undertow.UndertowOptions;
import io.undertow.protocols.ssl.UndertowXnioSsl;
import io.undertow.server.DefaultByteBufferPool;
import io.undertow.server.HttpHandler;
import io.undertow.server.protocol.http.HttpOpenListener;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.function.IntConsumer;
import javax.net.ssl.SSLContext;
import org.xnio.ChannelListener;
import org.xnio.ChannelListeners;
import org.xnio.IoUtils;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.StreamConnection;
import org.xnio.Xnio;
import org.xnio.XnioWorker;
import org.xnio.channels.AcceptingChannel;

/**
 * One HTTP or HTTPS listener on Undertow's own parts (XNIO worker, {@link HttpOpenListener},
 * {@link UndertowXnioSsl}), set up as {@code Undertow.builder()} would with the same options.
 * It is assembled here because the builder offers no place for {@link RequestHeadLimit} between
 * the accepted connection (decrypted, for TLS) and Undertow's HTTP parser.
 */
public final class HttpListener {

  /** Undertow's default buffers for a JVM with more than 128 MiB: 16 KiB direct, less room for headers. */
  private static final int BUFFER_SIZE = 16 * 1024 - 20;

  private final XnioWorker worker;
  private final DefaultByteBufferPool buffers;
  private final AcceptingChannel<? extends StreamConnection> server;

  private HttpListener(XnioWorker worker, DefaultByteBufferPool buffers, AcceptingChannel<? extends StreamConnection> server) {
    this.worker = worker;
    this.buffers = buffers;
    this.server = server;
  }

  /**
   * Listens on {@code host:port}, over TLS when {@code tls} is not null. {@code serverOptions} are
   * Undertow's ({@link UndertowOptions}); their {@code MAX_HEADER_SIZE} is the limit of each
   * request head, and {@code headRefusals} learns the status (414, 431) of each head refused.
   */
  public static HttpListener start(
      String host, int port, SSLContext tls, int ioThreads, OptionMap serverOptions, HttpHandler root,
      IntConsumer headRefusals) {
    Xnio xnio = Xnio.getInstance(HttpListener.class.getClassLoader());
    XnioWorker worker = null;
    DefaultByteBufferPool buffers = new DefaultByteBufferPool(true, BUFFER_SIZE, -1, 4);
    try {
      worker = xnio.createWorker(OptionMap.builder()
          .set(Options.WORKER_IO_THREADS, ioThreads)
          .set(Options.CONNECTION_HIGH_WATER, 1_000_000)
          .set(Options.CONNECTION_LOW_WATER, 1_000_000)
          .set(Options.WORKER_TASK_CORE_THREADS, Math.max(2, ioThreads))
          .set(Options.WORKER_TASK_MAX_THREADS, Math.max(2, ioThreads))
          .set(Options.TCP_NODELAY, true)
          .set(Options.CORK, true)
          .getMap());
      OptionMap socketOptions = OptionMap.builder()
          .set(Options.WORKER_IO_THREADS, worker.getIoThreadCount())
          .set(Options.TCP_NODELAY, true)
          .set(Options.REUSE_ADDRESSES, true)
          .set(Options.BALANCING_TOKENS, 1)
          .set(Options.BALANCING_CONNECTIONS, 2)
          .set(Options.BACKLOG, 1000)
          .getMap();
      OptionMap undertowOptions =
          OptionMap.builder().set(UndertowOptions.BUFFER_PIPELINED_DATA, true).addAll(serverOptions).getMap();
      HttpOpenListener http = new HttpOpenListener(buffers, undertowOptions);
      http.setRootHandler(RequestHeadLimit.countingEachRequest(root));
      // Undertow's own MAX_HEADER_SIZE stays set, at the same value: it never fires first, but it
      // still bounds what this count cannot see (a head pipelined behind another request's).
      ChannelListener<StreamConnection> open = new RequestHeadLimit(
          undertowOptions.get(UndertowOptions.MAX_HEADER_SIZE, UndertowOptions.DEFAULT_MAX_HEADER_SIZE), http,
          headRefusals);
      InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(host), port);
      ChannelListener<AcceptingChannel<StreamConnection>> accept = ChannelListeners.openListenerAdapter(open);
      AcceptingChannel<? extends StreamConnection> server;
      if (tls != null) {
        UndertowXnioSsl ssl = new UndertowXnioSsl(xnio, OptionMap.create(Options.USE_DIRECT_BUFFERS, true), tls);
        @SuppressWarnings({"unchecked", "rawtypes"}) // an SslConnection is a StreamConnection
        ChannelListener<AcceptingChannel<org.xnio.ssl.SslConnection>> sslAccept = (ChannelListener) accept;
        server = ssl.createSslConnectionServer(worker, address, sslAccept, socketOptions);
      } else {
        server = worker.createStreamConnectionServer(address, accept, socketOptions);
      }
      server.resumeAccepts();
      return new HttpListener(worker, buffers, server);
    } catch (IOException | RuntimeException e) {
      if (worker != null) {
        worker.shutdownNow();
      }
      buffers.close();
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /** The bound port: the configured one, or the one picked for port 0. */
  public int port() {
    return ((InetSocketAddress) server.getLocalAddress()).getPort();
  }

  /** Stops listening, then stops the IO threads once their connections are closed. */
  public void stop() {
    IoUtils.safeClose(server);
    worker.shutdown();
    try {
      worker.awaitTermination();
    } catch (InterruptedException e) {
      worker.shutdownNow();
      Thread.currentThread().interrupt();
    }
    buffers.close();
  }
}
