package io.switchboard.undertow.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Logs of rooms nobody can need any more are retired, so rooms that come and go do not pile up. */
class RoomHistoryTest {

  private static final Duration SHORT = Duration.ofMillis(30);

  private final RoomHistory history = new RoomHistory(List.of(new HistoryRule("ticker-*", 10, SHORT)), SHORT);

  @Test
  void aVacantIdleRoomsLogIsRetiredAndItsNextPushStartsANewEpoch() throws InterruptedException {
    RoomLog gone = history.log("ticker-gone");
    publish("ticker-gone");
    publish("ticker-gone");
    RoomLog staying = history.log("ticker-staying");
    staying.occupied(); // a member is in it on this node
    publish("ticker-staying");

    awaitRetired("ticker-gone");

    assertSame(staying, history.existing("ticker-staying"));
    assertFalse(staying.retired());
    assertEquals(2, gone.lastOffset()); // what its holders saw stays as it was
    RoomLog again = history.log("ticker-gone");
    assertNotEquals(gone.epoch(), again.epoch());
    publish("ticker-gone");
    assertEquals(1, again.lastOffset());
  }

  @Test
  void aPushThroughARetiredLogGoesToTheRoomsNewLog() throws InterruptedException {
    RoomLog old = history.log("ticker-a");
    awaitRetired("ticker-a");

    assertEquals(RoomLog.RETIRED, old.publish((offset, epoch) -> new byte[0], message -> 1));
    assertEquals(1, publish("ticker-a"));
    assertNotEquals(old.epoch(), history.existing("ticker-a").epoch());
  }

  private int publish(String room) {
    return history.publish(room, (offset, epoch) -> ("" + offset).getBytes(StandardCharsets.UTF_8), message -> 1);
  }

  /** New logs trigger the sweep (at most once a second): make new rooms until the log is gone. */
  private void awaitRetired(String room) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    for (int n = 0; history.existing(room) != null; n++) {
      if (System.nanoTime() > deadline) {
        fail("the log of " + room + " was not retired");
      }
      history.log("ticker-probe-" + n);
      Thread.sleep(20);
    }
    assertNull(history.existing(room));
  }
}
