package io.switchboard.undertow;

/**
 * A snapshot of the server's counters ({@link SwitchboardServer#stats()}), also served as JSON
 * by the optional stats endpoint. Counters count since start; gauges are current values.
 *
 * @param openSessions gauge: open WebSocket sessions, all endpoints
 * @param rooms gauge: rooms with at least one member, all endpoints
 * @param connections WebSocket connections accepted
 * @param rejectedHandshakes upgrades refused: origin, connection limit, handshake hook, subprotocol
 * @param messagesIn text and binary messages received
 * @param messagesOut messages written to the network (replies, pushes, binary)
 * @param bytesIn payload bytes received
 * @param bytesOut payload bytes written
 * @param broadcasts pushes encoded (one per broadcast call, however many recipients)
 * @param queuedMessages gauge: messages waiting in outbound queues (or being written), all
 *     sessions
 * @param queuedBytes gauge: their bytes
 * @param droppedMessages pushes dropped by the {@code DROP_OLDEST} policy
 * @param slowConsumerCloses sessions closed by the {@code CLOSE} slow-consumer policy
 * @param rateLimited messages refused by the rate limit
 * @param errors handler failures ({@code internal} replies, failed {@code @Every} runs) and
 *     transport errors (broken frames, oversized messages, failed reads)
 * @param clusterConnected gauge: whether the cluster bus reaches the other nodes (always true on a
 *     single node)
 * @param clusterDropped pushes for other nodes that could not be sent while the cluster bus was
 *     disconnected (local sessions got them)
 */
public record ServerStats(
    int openSessions,
    int rooms,
    long connections,
    long rejectedHandshakes,
    long messagesIn,
    long messagesOut,
    long bytesIn,
    long bytesOut,
    long broadcasts,
    long queuedMessages,
    long queuedBytes,
    long droppedMessages,
    long slowConsumerCloses,
    long rateLimited,
    long errors,
    boolean clusterConnected,
    long clusterDropped) {}
