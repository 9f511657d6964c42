package io.switchboard.bench.handoff;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The round trips take the paths they are named after: the difference of the first two is the
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
    assertOnPoolThread(benchmark.lastHandler);
    assertSame(benchmark.ioThread(), benchmark.lastReply);
  }

  @Test
  void handlerPoolAnswersDirectlyFromThePoolThread() {
    roundTrips(benchmark::handlerPoolAnswersDirectly);
    assertOnPoolThread(benchmark.lastHandler);
    assertSame(benchmark.lastHandler, benchmark.lastReply);
  }

  private void assertOnPoolThread(Thread handler) {
    assertNotSame(benchmark.lastCaller, handler, "not on the thread that started the round trip");
    assertTrue(
        handler.getName().startsWith(HandOffBenchmark.HANDLER_THREAD),
        "on a thread of the handler pool, not " + handler.getName());
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
