package io.switchboard.bench.fanout;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How busy the CPUs were over a phase, in cores (1.0 = one core the whole time): the server JVM,
 * the client JVM and the whole machine. On a 2-core machine the two JVMs compete for the same
 * CPUs, and anything else running at the same time (a build, a browser test) takes its share
 * too; the machine figure shows when a run was disturbed.
 */
final class CpuMeter {

  /**
   * Average cores in use over the measured interval.
   *
   * @param machineCores every process's, from {@code /proc/stat}; NaN where it is not readable
   */
  record Use(double serverCores, double clientCores, double machineCores) {

    /** What neither JVM of the run used. */
    double otherCores() {
      return Math.max(0, machineCores - serverCores - clientCores);
    }
  }

  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private static final Path PROC_STAT = Path.of("/proc/stat");

  private final ClientProcess clients;
  private final long startNanos = System.nanoTime();
  private final long serverStart = OS.getProcessCpuTime();
  private final Duration clientStart;
  private final long[] machineStart = machineTicks();

  CpuMeter(ClientProcess clients) {
    this.clients = clients;
    this.clientStart = clients.cpuTime();
  }

  Use stop() {
    double wall = System.nanoTime() - startNanos;
    long[] machineEnd = machineTicks();
    double machine = Double.NaN;
    if (machineStart != null && machineEnd != null && machineEnd[1] > machineStart[1]) {
      double busy = machineEnd[0] - machineStart[0];
      double total = machineEnd[1] - machineStart[1];
      machine = busy / total * Runtime.getRuntime().availableProcessors();
    }
    return new Use(
        (OS.getProcessCpuTime() - serverStart) / wall,
        clients.cpuTime().minus(clientStart).toNanos() / wall,
        machine);
  }

  /** {busy, total} clock ticks of all CPUs since boot, from the first line of /proc/stat. */
  private static long[] machineTicks() {
    try {
      String[] fields = Files.readAllLines(PROC_STAT).get(0).trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < fields.length; i++) {
        total += Long.parseLong(fields[i]);
      }
      long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]); // idle + iowait
      return new long[] {total - idle, total};
    } catch (IOException | RuntimeException e) {
      return null; // not Linux: the machine figure is left out
    }
  }
}
