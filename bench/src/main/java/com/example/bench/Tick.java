package com.example.bench;

import io.switchboard.WsMessage;
import java.math.BigDecimal;

/**
 * The fan-out payload: a ticker update that carries what a subscriber needs to count losses and
 * measure delivery latency. Pushed as {@code {"event":"tick","data":{…}}}, about 100 bytes.
 *
 * @param phase which phase of the benchmark run sent it, so late arrivals are not miscounted
 * @param seq 0, 1, 2… within the phase
 * @param sentAtMicros when the broadcast was due, in microseconds since the epoch
 */
@WsMessage
public record Tick(int phase, long seq, long sentAtMicros, String symbol, BigDecimal price) {}
