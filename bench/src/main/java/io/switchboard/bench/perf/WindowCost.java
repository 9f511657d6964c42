package io.switchboard.bench.perf;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * What a measured window cost, as the difference of a reading at its end and one at its start:
 * the server's CPU time, and this JVM's, the load generator's, CPU time and time in its
 * collectors. The generator's figures tell whether it, not the server, was the limit, and whether
 * one of its pauses fell in the window, where it would pass for the server's latency.
 */
record WindowCost(Duration serverCpu, long generatorCpuNanos, long generatorGcMillis) {

  private static final com.sun.management.OperatingSystemMXBean GENERATOR =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  /** The totals so far: a reading, not yet a window's cost. */
  static WindowCost reading(ServerProcess server) {
    long gcMillis = 0;
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      gcMillis += Math.max(0, collector.getCollectionTime()); // -1 where a collector keeps none
    }
    return new WindowCost(server.cpuTime(), GENERATOR.getProcessCpuTime(), gcMillis);
  }

  /** The cost from {@code start}, an earlier reading, to this one. */
  WindowCost since(WindowCost start) {
    return new WindowCost(
        serverCpu.minus(start.serverCpu),
        generatorCpuNanos - start.generatorCpuNanos,
        generatorGcMillis - start.generatorGcMillis);
  }
}
