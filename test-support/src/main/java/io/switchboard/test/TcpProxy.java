package io.switchboard.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on a free local port in front of a server, for tests of dropped connections: {@link
 * #cut()} resets every connection through it at once (an RST on both sides, no close frame, as when
 * a network goes away), and {@link #refuse(boolean)} resets new ones until the network is back.
 *
 * <pre>{@code
 * try (TcpProxy proxy = TcpProxy.to(server.port())) {
 *   WsTestClient client = WsTestClient.builder(proxy.uri("/chat")).recoverable().connect();
 *   proxy.cut();
 * }
 * }</pre>
 */
public final class TcpProxy implements AutoCloseable {

  private final ServerSocket listener;
  private volatile int targetPort;
  private volatile boolean refusing;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  /** Each client-side socket's server-side one. */
  private final java.util.Map<Socket, Socket> serverSides = new ConcurrentHashMap<>();
  /** Server-side sockets left open and silent by {@link #dropClientsOnly()}. */
  private final Set<Socket> silenced = ConcurrentHashMap.newKeySet();
  private final Thread acceptor;

  private TcpProxy(int targetPort) throws IOException {
    this.targetPort = targetPort;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.acceptor = new Thread(this::accept, "tcp-proxy-" + listener.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** A proxy to {@code 127.0.0.1:targetPort}. */
  public static TcpProxy to(int targetPort) {
    try {
      return new TcpProxy(targetPort);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * While {@code refusing}, new connections are reset as soon as they are accepted: the network is
   * still down for a client that tries to come back.
   */
  public void refuse(boolean refusing) {
    this.refusing = refusing;
  }

  /** Sends new connections to another port (a restarted server); open ones stay where they are. */
  public void target(int port) {
    this.targetPort = port;
  }

  public int port() {
    return listener.getLocalPort();
  }

  /** {@code ws://127.0.0.1:<proxy port><path>}. */
  public java.net.URI uri(String path) {
    return java.net.URI.create("ws://127.0.0.1:" + port() + path);
  }

  /** Resets every connection now open through the proxy. */
  public void cut() {
    for (Socket socket : List.copyOf(sockets)) {
      reset(socket);
    }
  }

  /**
   * Resets the client side of every connection now open, and leaves the server side open and
   * silent: as when a phone changes networks, the client knows its connection is gone at once, the
   * server only when its heartbeat goes unanswered.
   */
  public void dropClientsOnly() {
    for (Socket client : List.copyOf(serverSides.keySet())) {
      Socket server = serverSides.remove(client);
      silenced.add(server);
      reset(client);
    }
  }

  @Override
  public void close() {
    try {
      listener.close();
    } catch (IOException e) {
      // closing: nothing to do
    }
    cut();
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        if (refusing) {
          reset(client);
          continue;
        }
        Socket server = new Socket();
        try {
          server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort));
        } catch (IOException e) {
          reset(client);
          continue;
        }
        sockets.add(client);
        sockets.add(server);
        serverSides.put(client, server);
        pump(client, server);
        pump(server, client);
      } catch (IOException e) {
        return; // the listener closed
      }
    }
  }

  private void pump(Socket from, Socket to) {
    Thread thread = new Thread(() -> {
      byte[] buffer = new byte[16 * 1024];
      try {
        InputStream in = from.getInputStream(); // closing a socket's stream closes the socket
        OutputStream out = to.getOutputStream();
        int read;
        while ((read = in.read(buffer)) >= 0) {
          out.write(buffer, 0, read);
          out.flush();
        }
        to.shutdownOutput(); // an orderly end goes on as one
        if (from.isOutputShutdown()) { // both ways ended
          closeQuietly(from);
          closeQuietly(to);
        }
      } catch (IOException e) {
        for (Socket side : new Socket[] {to, from}) {
          if (!silenced.contains(side)) {
            reset(side); // a reset, or an end half way, goes on as a reset
          }
        }
      }
    }, "tcp-proxy-pump");
    thread.setDaemon(true);
    thread.start();
  }

  private void closeQuietly(Socket socket) {
    sockets.remove(socket);
    serverSides.remove(socket);
    try {
      socket.close();
    } catch (IOException e) {
      // already closed
    }
  }

  private void reset(Socket socket) {
    sockets.remove(socket);
    serverSides.remove(socket);
    try {
      socket.setSoLinger(true, 0); // close() then sends an RST, not a FIN
    } catch (SocketException e) {
      // already closed
    }
    try {
      socket.close();
    } catch (IOException e) {
      // already closed
    }
  }
}
