package io.switchboard.redis;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.switchboard.undertow.cluster.Target;
import io.switchboard.undertow.wire.Pushes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What the history does before Redis 6, which allows no command on a subscribed connection. */
class RoomStreamsTest {

  private static final Pushes.Numbered PUSH =
      new Pushes.Numbered(
          "{\"event\":\"said\"".getBytes(StandardCharsets.US_ASCII),
          ",\"room\":\"lobby\",\"offset\":".getBytes(StandardCharsets.US_ASCII),
          ",\"data\":1}".getBytes(StandardCharsets.US_ASCII));

  @Test
  void againstRedis5APushIsLeftToThisNodeRatherThanSentToAScriptThatWouldFail() {
    RoomStreams streams =
        new RoomStreams(
            new Keys("test"), "node",
            () -> {
              throw new AssertionError("nothing may be sent to a Redis 5");
            },
            () -> true, bytes -> true, (bytes, error) -> {});

    streams.serverInfo("# Server\r\nredis_version:5.0.14\r\nredis_mode:standalone\r\n");

    assertFalse(
        streams.publish(Target.room("/chat", "lobby"), PUSH, null, 500, Duration.ofMinutes(2)),
        "not published: the caller delivers it to this node's members, unnumbered");
  }
}
