package io.switchboard.bench;

import io.switchboard.bench.codec.CodecBenchmark;
import io.switchboard.bench.dispatch.DispatchBenchmark;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * A cross-check of the JMH figures that holds up on a busy machine. JMH measures wall time, which
 * grows whenever the benchmark thread waits for a CPU that another process holds; on a shared
 * 2-core box that noise can exceed the differences measured. This runs the same benchmark methods
 * but measures the thread's own CPU time per operation, in batches that alternate between the
 * generated and the databind side, so that whatever disturbs one disturbs the other alike; it
 * reports the median of each side and their ratio.
 *
 * <p>Usage: {@code java -cp switchboard-bench.jar io.switchboard.bench.InterleavedCpuTime [rounds]}
 */
public final class InterleavedCpuTime {

  /** The two sides of one comparison. */
  private record Pair(String name, Callable<Object> generated, Callable<Object> databind) {}

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final long BATCH_CPU_NANOS = 20_000_000; // 20 ms of work per batch
  private static final int WARMUP_ROUNDS = 50;

  /** Keeps results observable so that the JIT cannot drop the work. */
  private static int sink;

  private InterleavedCpuTime() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
    CodecBenchmark codecs = new CodecBenchmark();
    DispatchBenchmark dispatch = new DispatchBenchmark();
    List<Pair> pairs =
        List.of(
            new Pair("chatRead", codecs::chatReadGenerated, codecs::chatReadDatabind),
            new Pair("chatWrite", codecs::chatWriteGenerated, codecs::chatWriteDatabind),
            new Pair("orderRead", codecs::orderReadGenerated, codecs::orderReadDatabind),
            new Pair("orderWrite", codecs::orderWriteGenerated, codecs::orderWriteDatabind),
            new Pair("dispatch say", dispatch::sayGenerated, dispatch::sayDatabindTree),
            new Pair("dispatch place", dispatch::placeGenerated, dispatch::placeDatabindTree));
    System.out.println(
        "| operation | generated, median CPU ns/op | databind, median CPU ns/op | databind / generated |");
    System.out.println("|---|--:|--:|--:|");
    for (Pair pair : pairs) {
      int generatedBatch = batchSize(pair.generated());
      int databindBatch = batchSize(pair.databind());
      for (int i = 0; i < WARMUP_ROUNDS; i++) {
        cpuNanosPerOp(pair.generated(), generatedBatch);
        cpuNanosPerOp(pair.databind(), databindBatch);
      }
      double[] generated = new double[rounds];
      double[] databind = new double[rounds];
      for (int round = 0; round < rounds; round++) {
        if (round % 2 == 0) { // alternate which side goes first
          generated[round] = cpuNanosPerOp(pair.generated(), generatedBatch);
          databind[round] = cpuNanosPerOp(pair.databind(), databindBatch);
        } else {
          databind[round] = cpuNanosPerOp(pair.databind(), databindBatch);
          generated[round] = cpuNanosPerOp(pair.generated(), generatedBatch);
        }
      }
      double g = median(generated);
      double d = median(databind);
      System.out.printf("| %s | %.0f | %.0f | %.2f |%n", pair.name(), g, d, d / g);
    }
    System.err.println("(sink " + sink + ")");
  }

  /** Operations in about {@link #BATCH_CPU_NANOS} of CPU, from a first estimate. */
  private static int batchSize(Callable<Object> operation) throws Exception {
    double perOp = cpuNanosPerOp(operation, 10_000);
    return (int) Math.max(100, BATCH_CPU_NANOS / Math.max(1, perOp));
  }

  private static double cpuNanosPerOp(Callable<Object> operation, int count) throws Exception {
    long start = THREADS.getCurrentThreadCpuTime();
    for (int i = 0; i < count; i++) {
      sink += System.identityHashCode(operation.call());
    }
    return (double) (THREADS.getCurrentThreadCpuTime() - start) / count;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }
}
