package com.example.bench;

import io.switchboard.WsMessage;
import java.math.BigDecimal;

/**
 * The fan-out payload: a ticker update that carries its sequence number and the time it was
 * handed to the broadcaster, so that a subscriber can count losses and measure delivery latency.
 *
 * @param seq 0, 1, 2… within one phase of the run
 * @param sentAtMicros microseconds since the epoch, read just before the broadcast
 */
@WsMessage
public record Tick(long seq, long sentAtMicros, String symbol, BigDecimal price, String venue) {}
