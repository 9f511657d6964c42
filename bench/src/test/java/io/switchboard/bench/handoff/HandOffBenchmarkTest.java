package io.switchboard.bench.handoff;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The two round trips take the paths they are named after: the difference of their times is the
 * default dispatch's hand-offs only if the one runs its handler on the IO thread and the other on
 * a pool thread, both replying from the IO thread. It times nothing.
 */
class HandOffBenchmarkTest {

  private final HandOffBenchmark benchmark = new HandOffBenchmark();

  @BeforeEach
  void start() throws Exception {
    benchmark.start();
  }

  @AfterEach
  void stop() throws Exception {
    benchmark.stop();
  }

  @Test
  void onIoThreadRunsAndRepliesOnTheIoThread() {
    roundTrips(benchmark::onIoThread);
    assertSame(benchmark.ioThread(), benchmark.lastHandler);
    assertSame(benchmark.ioThread(), benchmark.lastReply);
  }

  @Test
  void throughHandlerPoolRunsOnAPoolThreadAndRepliesOnTheIoThread() {
    roundTrips(benchmark::throughHandlerPool);
    assertNotSame(benchmark.ioThread(), benchmark.lastHandler);
    assertSame(benchmark.ioThread(), benchmark.lastReply);
  }

  @Test
  void handlerPoolAnswersDirectlyFromThePoolThread() {
    roundTrips(benchmark::handlerPoolAnswersDirectly);
    assertNotSame(benchmark.ioThread(), benchmark.lastHandler);
    assertSame(benchmark.lastHandler, benchmark.lastReply);
  }

  /** A thousand of one kind of round trip, each of which must come back. */
  private static void roundTrips(Runnable roundTrip) {
    assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () -> {
          for (int i = 0; i < 1_000; i++) {
            roundTrip.run();
          }
        });
  }
}
