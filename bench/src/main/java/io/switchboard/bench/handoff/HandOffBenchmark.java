package io.switchboard.bench.handoff;

import io.switchboard.undertow.Switchboard;
import io.switchboard.undertow.send.IoThreadWrites;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.Xnio;
import org.xnio.XnioIoThread;
import org.xnio.XnioWorker;

/**
 * What the default dispatch's two thread hand-offs cost on this machine, with no socket and no
 * handler work: the part of a 1 × 1 round trip that the default dispatch adds to a {@code
 * @NonBlocking} handler's, and that execution samples do not show, since it is time spent waking
 * threads up.
 *
 * <p>Each operation starts on the benchmark thread and ends when that thread, parked, is woken
 * again, as a client's request and its reply do:
 *
 * <ul>
 *   <li>{@link #onIoThread}: to an XNIO IO thread and back, where a {@code @NonBlocking} handler
 *       runs and replies;
 *   <li>{@link #throughHandlerPool}: to the IO thread, from it to a handler pool made as the
 *       server makes its own (a {@link ThreadPoolExecutor} over a {@link LinkedBlockingQueue}, of
 *       the server's default size), and back to the IO thread through {@link IoThreadWrites},
 *       the way a reply from a handler thread goes, then back;
 *   <li>{@link #handlerPoolAnswersDirectly}: the same without the way back through the IO thread,
 *       to tell the cost of each hand-off.
 * </ul>
 *
 * <p>The difference of the first two medians is what the two hand-offs cost. What they leave out
 * is the server's own work on either side of a hand-off: the per-session ordering in front of the
 * pool, and on the IO thread the wait of a reply for the end of the connection's reads.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3) // what a wake-up costs depends on where the process's threads land: more than one JVM
@State(Scope.Thread)
public class HandOffBenchmark {

  /** How the pool's threads are named, so that a test can tell them. */
  static final String HANDLER_THREAD = "bench-handler-";

  private XnioWorker worker;
  private XnioIoThread ioThread;
  private ExecutorService handlers;
  private IoThreadWrites replies;
  private volatile Thread waiting;
  private volatile boolean answered;
  // Where the last operation started and ran, for the test that checks the path it took.
  volatile Thread lastCaller;
  volatile Thread lastHandler;
  volatile Thread lastReply;

  @Setup
  public void start() throws IOException {
    worker = Xnio.getInstance().createWorker(OptionMap.create(Options.WORKER_IO_THREADS, 1));
    ioThread = worker.getIoThread();
    int threads = Switchboard.server().config().handlerThreads(); // the server's default
    AtomicInteger count = new AtomicInteger();
    handlers =
        new ThreadPoolExecutor(
            threads,
            threads,
            60,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            task -> new Thread(task, HANDLER_THREAD + count.incrementAndGet()));
    replies = new IoThreadWrites.PerThread().of(ioThread);
  }

  @TearDown
  public void stop() throws InterruptedException {
    handlers.shutdownNow();
    worker.shutdownNow();
    handlers.awaitTermination(10, TimeUnit.SECONDS);
    worker.awaitTermination(10, TimeUnit.SECONDS);
  }

  /** The benchmark thread to the IO thread and back: the request and reply alone. */
  @Benchmark
  public void onIoThread() {
    roundTrip(
        () -> {
          lastHandler = Thread.currentThread();
          answer();
        });
  }

  /** The same with the handler on the pool and its reply handed back to the IO thread. */
  @Benchmark
  public void throughHandlerPool() {
    roundTrip(
        () ->
            handlers.execute(
                () -> {
                  lastHandler = Thread.currentThread();
                  replies.add(this::answer);
                }));
  }

  /**
   * The handler on the pool, whose thread wakes the benchmark thread itself: one hand-off fewer
   * than {@link #throughHandlerPool}, to tell the two apart. A server cannot reply this way, since
   * Undertow writes only from a connection's IO thread.
   */
  @Benchmark
  public void handlerPoolAnswersDirectly() {
    roundTrip(
        () ->
            handlers.execute(
                () -> {
                  lastHandler = Thread.currentThread();
                  answer();
                }));
  }

  private void roundTrip(Runnable onIoThread) {
    waiting = Thread.currentThread();
    lastCaller = waiting;
    answered = false;
    ioThread.execute(onIoThread);
    while (!answered) {
      LockSupport.park(this);
      if (Thread.interrupted()) { // a timeout: park would no longer wait, so stop spinning
        throw new IllegalStateException("interrupted before the round trip came back");
      }
    }
  }

  private void answer() {
    lastReply = Thread.currentThread();
    answered = true;
    LockSupport.unpark(waiting);
  }

  /** The IO thread the round trips go through. */
  Thread ioThread() {
    return ioThread;
  }
}
