package io.switchboard.undertow.stats;

import io.switchboard.undertow.ServerStats;
import io.switchboard.undertow.send.OutboundMessage;
import io.switchboard.undertow.send.OutboundQueue;
import java.util.concurrent.atomic.LongAdder;

/** The server's counters; cheap to bump from any thread ({@link LongAdder}s). */
public final class StatsCounters implements OutboundQueue.QueueStats {

  private final LongAdder messagesIn = new LongAdder();
  private final LongAdder bytesIn = new LongAdder();
  private final LongAdder messagesOut = new LongAdder();
  private final LongAdder bytesOut = new LongAdder();
  private final LongAdder queuedMessages = new LongAdder();
  private final LongAdder queuedBytes = new LongAdder();
  private final LongAdder dropped = new LongAdder();
  private final LongAdder slowConsumerCloses = new LongAdder();
  private final LongAdder errors = new LongAdder();
  private final LongAdder broadcasts = new LongAdder();
  private final LongAdder rateLimited = new LongAdder();
  private final LongAdder rejectedHandshakes = new LongAdder();
  private final LongAdder connections = new LongAdder();

  public void received(int bytes) {
    messagesIn.increment();
    bytesIn.add(bytes);
  }

  @Override
  public void written(OutboundMessage message) {
    messagesOut.increment();
    bytesOut.add(message.size());
  }

  @Override
  public void queuedChanged(int messages, long bytes) {
    queuedMessages.add(messages);
    queuedBytes.add(bytes);
  }

  @Override
  public void dropped(int messages) {
    dropped.add(messages);
  }

  public void slowConsumerClosed() {
    slowConsumerCloses.increment();
  }

  public void error() {
    errors.increment();
  }

  public void broadcast() {
    broadcasts.increment();
  }

  public void rateLimited() {
    rateLimited.increment();
  }

  public void handshakeRejected() {
    rejectedHandshakes.increment();
  }

  public void connected() {
    connections.increment();
  }

  /** A snapshot, with the gauges and cluster figures the caller knows. */
  public ServerStats snapshot(
      int openSessions, int rooms, boolean clusterConnected, long clusterDropped) {
    return new ServerStats(
        openSessions,
        rooms,
        connections.sum(),
        rejectedHandshakes.sum(),
        messagesIn.sum(),
        messagesOut.sum(),
        bytesIn.sum(),
        bytesOut.sum(),
        broadcasts.sum(),
        Math.max(0, queuedMessages.sum()),
        Math.max(0, queuedBytes.sum()),
        dropped.sum(),
        slowConsumerCloses.sum(),
        rateLimited.sum(),
        errors.sum(),
        clusterConnected,
        clusterDropped);
  }
}
