package io.switchboard.redis;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.pubsub.api.async.RedisPubSubAsyncCommands;
import io.switchboard.undertow.cluster.SharedHistory;
import io.switchboard.undertow.cluster.Target;
import io.switchboard.undertow.wire.Pushes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.IntPredicate;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * Room history in Redis: per room a hash with its epoch and last offset, and a stream of its last
 * pushes, entry id {@code <offset>-0}, capped to the room's count. A push is numbered, appended
 * and published by one script, so the offsets are the order in which every node receives the
 * room's pushes; the publishing node receives its own too, and delivers them then.
 *
 * <p>Everything goes on the node's subscribed connection (RESP3, Redis 6 or later), in order
 * with its subscriptions: a push published right after a join on the same node reaches the new
 * member, and the answer to a read for a join or a recovery ({@link #lastOffset}, {@link #after})
 * comes after every push of the room published before it was read, so the node knows which pushes
 * a replay holds and which come live.
 */
final class RoomStreams implements SharedHistory {

  /**
   * KEYS: history hash, stream, channel. ARGV: a new epoch (taken if the room has none), capacity,
   * keep-for ms, frame header, push head, push tail. Returns the offset.
   */
  private static final String PUBLISH =
      "local epoch = redis.call('HGET', KEYS[1], 'epoch') "
          + "if not epoch then "
          + "  epoch = ARGV[1] "
          + "  redis.call('DEL', KEYS[2]) "
          + "  redis.call('HSET', KEYS[1], 'epoch', epoch) "
          + "end "
          + "local offset = redis.call('HINCRBY', KEYS[1], 'last', 1) "
          + "local time = redis.call('TIME') "
          + "local push = ARGV[5] .. offset .. ',\"epoch\":\"' .. epoch .. '\"' .. ARGV[6] "
          + "redis.call('XADD', KEYS[2], 'MAXLEN', ARGV[2], offset .. '-0', "
          + "  't', time[1] * 1000 + math.floor(time[2] / 1000), 'm', push) "
          + "redis.call('PEXPIRE', KEYS[1], ARGV[3]) "
          + "redis.call('PEXPIRE', KEYS[2], ARGV[3]) "
          + "redis.call('PUBLISH', KEYS[3], ARGV[4] .. offset .. ':' .. push) "
          + "return offset";

  /** KEYS: history hash. Returns the last offset, 0 for a room without history yet. */
  private static final String LAST =
      "return tonumber(redis.call('HGET', KEYS[1], 'last') or '0')";

  /**
   * KEYS: history hash, stream. ARGV: offset, epoch ('' for none), retention ms. Returns epoch,
   * last offset, 1 if the history reaches back to the offset (else 0), then the pushes after it.
   */
  private static final String AFTER =
      "local offset = tonumber(ARGV[1]) "
          + "local epoch = redis.call('HGET', KEYS[1], 'epoch') "
          + "if not epoch then "
          + "  if offset == 0 and ARGV[2] == '' then return {'', 0, 1} end "
          + "  return {'', 0, 0} "
          + "end "
          + "local last = tonumber(redis.call('HGET', KEYS[1], 'last')) "
          + "if (ARGV[2] ~= '' and ARGV[2] ~= epoch) or offset < 0 or offset > last then "
          + "  return {epoch, last, 0} end "
          + "if offset == last then return {epoch, last, 1} end "
          + "local entries = redis.call('XRANGE', KEYS[2], (offset + 1) .. '-0', '+') "
          + "if #entries == 0 or entries[1][1] ~= (offset + 1) .. '-0' then return {epoch, last, 0} end "
          + "local time = redis.call('TIME') "
          + "local now = time[1] * 1000 + math.floor(time[2] / 1000) "
          + "if now - tonumber(entries[1][2][2]) > tonumber(ARGV[3]) then return {epoch, last, 0} end "
          + "local result = {epoch, last, 1} "
          + "for _, entry in ipairs(entries) do result[#result + 1] = entry[2][4] end "
          + "return result";

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RoomStreams.class);

  private final Keys keys;
  private final String nodeId;
  private final Supplier<RedisPubSubAsyncCommands<byte[], byte[]>> pubSub;
  private final BooleanSupplier connected;
  private final IntPredicate admit;
  private final BiConsumer<Integer, Throwable> settled;
  /** False against a Redis older than 6, which allows no command on a subscribed connection. */
  private volatile boolean serverSupported = true;

  RoomStreams(
      Keys keys,
      String nodeId,
      Supplier<RedisPubSubAsyncCommands<byte[], byte[]>> pubSub,
      BooleanSupplier connected,
      IntPredicate admit,
      BiConsumer<Integer, Throwable> settled) {
    this.keys = keys;
    this.nodeId = nodeId;
    this.pubSub = pubSub;
    this.connected = connected;
    this.admit = admit;
    this.settled = settled;
  }

  @Override
  public boolean publish(
      Target room, Pushes.Numbered push, String exceptSessionId, int capacity, Duration keepFor) {
    if (!connected.getAsBoolean() || !serverSupported) {
      return false;
    }
    byte[] head = push.head();
    int bytes = head.length + push.tail().length;
    if (!admit.test(bytes)) {
      return false; // Redis is too slow: shed for the other nodes, delivered here unnumbered
    }
    try {
      pubSub.get() // after this node's subscriptions: a member that just joined here gets it
          .eval(
              PUBLISH,
              ScriptOutputType.INTEGER,
              new byte[][] {
                Keys.bytes(keys.history(room)), Keys.bytes(keys.stream(room)),
                Keys.bytes(keys.channel(room))
              },
              Keys.bytes(newEpoch()),
              Keys.bytes(Integer.toString(capacity)),
              Keys.bytes(Long.toString(Math.max(1, keepFor.toMillis()))),
              Frames.numberedHeader(nodeId, exceptSessionId),
              head,
              push.tail())
          .whenComplete((offset, error) -> settled.accept(bytes, error));
      return true;
    } catch (RuntimeException e) { // rejected before it was queued: the connection just dropped
      settled.accept(bytes, e);
      return false;
    }
  }

  @Override
  public void lastOffset(Target room, LongConsumer then) {
    try {
      pubSub.get()
          .<Long>eval(LAST, ScriptOutputType.INTEGER, Keys.bytes(keys.history(room)))
          .whenComplete((last, error) -> then.accept(error == null ? last : -1));
    } catch (RuntimeException e) {
      then.accept(-1);
    }
  }

  @Override
  public CompletionStage<Replay> after(Target room, long offset, String epoch, Duration retention) {
    try {
      return pubSub.get()
          .<List<Object>>eval(
              AFTER,
              ScriptOutputType.MULTI,
              new byte[][] {Keys.bytes(keys.history(room)), Keys.bytes(keys.stream(room))},
              Keys.bytes(Long.toString(offset)),
              Keys.bytes(epoch == null ? "" : epoch),
              Keys.bytes(Long.toString(retention.toMillis())))
          .thenApply(RoomStreams::replay);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * Reads the server's {@code INFO server} on every connection: before Redis 6 the history cannot
   * work (no RESP3), and pushes to rooms with history go to the publishing node's members only,
   * unnumbered, rather than into a script that would fail; said once, as an error.
   */
  void serverInfo(String info) {
    int major = 0;
    for (String line : info.split("\r?\n")) {
      if (line.startsWith("redis_version:")) {
        String version = line.substring("redis_version:".length()).strip();
        try {
          major = Integer.parseInt(version.substring(0, version.indexOf('.')));
        } catch (RuntimeException e) {
          return; // not a version we can read: assume it is recent
        }
      }
    }
    boolean supported = major == 0 || major >= 6;
    if (!supported && serverSupported) {
      LOG.error("Redis {} cannot keep room history for a cluster (Redis 6 or later needed):"
          + " pushes to rooms with history reach this node's members only, without offsets", major);
    }
    serverSupported = supported;
  }

  private static Replay replay(List<Object> answer) {
    long last = (Long) answer.get(1);
    boolean reaches = (Long) answer.get(2) == 1L;
    List<byte[]> messages = new ArrayList<>(answer.size() - 3);
    for (int i = 3; i < answer.size(); i++) {
      messages.add((byte[]) answer.get(i));
    }
    return new Replay(reaches, last, messages);
  }

  /** A room's epoch, should this push be its first: random, so a lost history is never taken for this one. */
  private static String newEpoch() {
    byte[] bytes = new byte[6];
    ThreadLocalRandom.current().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
