package io.switchboard.undertow.session;

import io.switchboard.json.CodecRegistry;
import io.switchboard.undertow.broadcast.RoomRegistry;
import io.switchboard.undertow.metrics.EndpointMetrics;
import io.switchboard.undertow.presence.EndpointPresence;
import io.switchboard.undertow.send.IoThreadWrites;
import io.switchboard.undertow.send.OutboundMessage;
import io.switchboard.undertow.send.OutboundQueue;
import io.switchboard.undertow.stats.StatsCounters;
import java.time.Duration;

/**
 * What every session of one endpoint shares: its rooms and presence, the codecs, the counters and
 * meters, the outbound limits and the IO-thread write batches.
 */
public record SessionServices(
    RoomRegistry rooms,
    EndpointPresence presence,
    CodecRegistry codecs,
    StatsCounters stats,
    EndpointMetrics metrics,
    long maxQueuedBytes,
    Duration closeTimeout,
    IoThreadWrites.PerThread ioThreadWrites) {

  /** What an outbound queue reports: to the server's counters and the endpoint's meters. */
  public OutboundQueue.QueueStats queueStats() {
    return new OutboundQueue.QueueStats() {
      @Override
      public void queuedChanged(int messages, long bytes) {
        stats.queuedChanged(messages, bytes);
        metrics.queuedBytesChanged(bytes);
      }

      @Override
      public void dropped(int messages) {
        stats.dropped(messages);
      }

      @Override
      public void written(OutboundMessage message) {
        stats.written(message);
        metrics.messageSent();
      }
    };
  }
}
