package io.switchboard.undertow.session;

import io.switchboard.json.CodecRegistry;
import io.switchboard.undertow.broadcast.RoomRegistry;
import io.switchboard.undertow.presence.EndpointPresence;
import io.switchboard.undertow.send.IoThreadWrites;
import io.switchboard.undertow.stats.StatsCounters;
import java.time.Duration;

/**
 * What every session of one endpoint shares: its rooms and presence, the codecs, the counters, the
 * outbound limits and the IO-thread write batches.
 */
public record SessionServices(
    RoomRegistry rooms,
    EndpointPresence presence,
    CodecRegistry codecs,
    StatsCounters stats,
    long maxQueuedBytes,
    Duration closeTimeout,
    IoThreadWrites.PerThread ioThreadWrites) {}
