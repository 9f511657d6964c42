package io.switchboard.bench.history;

import io.switchboard.undertow.history.HistoryRule;
import io.switchboard.undertow.history.RoomHistory;
import io.switchboard.undertow.history.RoomLog;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * The heap a room's history holds per retained push: fills one room's log with {@code count}
 * pushes of the fan-out benchmark's size (109 bytes) and of a 1 KiB one, and reports the heap
 * after a full GC against the heap before, per push and beyond the push's own bytes.
 *
 * <pre>java -cp bench/target/switchboard-bench.jar io.switchboard.bench.history.HistoryMemory [count]</pre>
 */
public final class HistoryMemory {

  private HistoryMemory() {}

  public static void main(String[] args) {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    for (int size : new int[] {109, 1024}) {
      measure(count, size);
    }
  }

  private static void measure(int count, int size) {
    byte[] template = "x".repeat(size).getBytes(StandardCharsets.UTF_8);
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long before = usedAfterGc(memory);
    RoomHistory history = new RoomHistory(List.of(new HistoryRule("room", count, Duration.ofHours(1))), Duration.ofMinutes(2));
    RoomLog log = history.log("room");
    for (int i = 0; i < count; i++) {
      history.publish("room", (offset, epoch) -> template.clone(), message -> 0); // each push its own bytes
    }
    long after = usedAfterGc(memory);
    double perPush = (after - before) / (double) count;
    System.out.printf("%,d pushes of %,d bytes retained: %.1f bytes each, %.1f beyond the push itself%n",
        log.lastOffset(), size, perPush, perPush - size);
  }

  private static long usedAfterGc(MemoryMXBean memory) {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
