package io.switchboard.bench.perf;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * The load generator: {@code connections} WebSockets to one path, spread over one or two selector
 * threads that run a {@link Traffic}. One thread drives 50 connections with 16 messages in flight
 * each at well over 100,000 messages a second on loopback, so that the server, not the generator,
 * is what is measured. Errors (a refused upgrade, a close, a wrong reply) are counted, never thrown
 * on the selector threads.
 */
final class Load implements AutoCloseable {

  /** Upgrades sent before their answers are awaited: fast, without a burst of thousands. */
  private static final int UPGRADE_BATCH = 200;

  private final Traffic traffic;
  private final List<Connection> connections = new ArrayList<>();
  private final List<Loop> loops = new ArrayList<>();
  private final LongAdder errors = new LongAdder();
  private final AtomicReference<String> firstError = new AtomicReference<>();
  private volatile boolean closing;

  private Load(Traffic traffic) {
    this.traffic = traffic;
  }

  /** Opens and upgrades every connection, each upgrade answered within {@code timeout}. */
  static Load connect(
      InetSocketAddress server, String path, int connections, int selectors, Traffic traffic,
      Duration timeout) throws IOException {
    Load load = new Load(traffic);
    try (Selector upgrades = Selector.open()) {
      for (int done = 0; done < connections; done += UPGRADE_BATCH) {
        List<Connection> batch = new ArrayList<>();
        for (int i = done; i < Math.min(connections, done + UPGRADE_BATCH); i++) {
          Connection connection = Connection.begin(load, server, path);
          load.connections.add(connection);
          batch.add(connection);
        }
        awaitUpgrades(upgrades, batch, timeout);
      }
    } catch (IOException | RuntimeException e) {
      load.close();
      throw e;
    }
    for (int i = 0; i < selectors; i++) {
      load.loops.add(new Loop(load, i));
    }
    for (int i = 0; i < load.connections.size(); i++) {
      load.loops.get(i % selectors).add(load.connections.get(i));
    }
    return load;
  }

  private static void awaitUpgrades(Selector selector, List<Connection> batch, Duration timeout)
      throws IOException {
    for (Connection connection : batch) {
      connection.channel().register(selector, SelectionKey.OP_READ, connection);
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    int pending = batch.size();
    while (pending > 0) {
      long left = (deadline - System.nanoTime()) / 1_000_000;
      if (left <= 0) {
        throw new IOException(pending + " upgrades not answered within " + timeout);
      }
      selector.select(left);
      for (SelectionKey key : selector.selectedKeys()) {
        if (((Connection) key.attachment()).readUpgrade()) {
          key.cancel();
          pending--;
        }
      }
      selector.selectedKeys().clear();
    }
    selector.selectNow(); // completes the cancellations, so the channels can move on
  }

  /** Starts the selector threads; each first lets the traffic send what goes first. */
  void start() throws IOException {
    for (Loop loop : loops) {
      loop.start();
    }
  }

  List<Connection> connections() {
    return connections;
  }

  void error(String what) {
    errors.increment();
    firstError.compareAndSet(null, what);
  }

  /** A connection went away: an error unless the load is being closed. */
  void closed(Connection connection, String how) {
    if (!closing) {
      error(how);
    }
    connection.close();
  }

  long errors() {
    return errors.sum();
  }

  /** The first error seen, or null. */
  String firstError() {
    return firstError.get();
  }

  /** Stops the selector threads and closes every connection with a close frame. */
  @Override
  public void close() {
    closing = true;
    for (Loop loop : loops) {
      loop.stop();
    }
    for (Connection connection : connections) {
      connection.close();
    }
  }

  /** One selector thread and the connections it serves. */
  private static final class Loop implements Runnable {
    private final Load load;
    private final Selector selector;
    private final Thread thread;
    private final List<Connection> mine = new ArrayList<>();
    private volatile boolean stopped;

    Loop(Load load, int index) throws IOException {
      this.load = load;
      this.selector = Selector.open();
      this.thread = new Thread(this, "load-selector-" + index);
      thread.setDaemon(true);
    }

    void add(Connection connection) throws IOException {
      connection.register(selector);
      mine.add(connection);
    }

    void start() {
      thread.start();
    }

    @Override
    public void run() {
      try {
        for (Connection connection : mine) {
          load.traffic.start(connection);
          connection.flush();
        }
        while (!stopped) {
          selector.select(100);
          for (SelectionKey key : selector.selectedKeys()) {
            Connection connection = (Connection) key.attachment();
            try {
              if (key.isValid() && key.isReadable()) {
                connection.onReadable(load.traffic);
              }
              if (key.isValid() && key.isWritable()) {
                connection.flush();
              }
            } catch (IOException e) {
              load.closed(connection, "I/O error: " + e.getMessage());
            }
          }
          selector.selectedKeys().clear();
        }
      } catch (IOException | RuntimeException e) {
        load.error("selector loop failed: " + e);
      }
    }

    void stop() {
      stopped = true;
      selector.wakeup();
      try {
        thread.join(10_000);
        selector.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (IOException e) {
        // nothing left to release
      }
    }
  }
}
