package io.switchboard.bench.perf;

import io.switchboard.bench.control.ServerControl;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A server under test in its own JVM on a free loopback port: started, timed to its first
 * accepted WebSocket upgrade, read from {@code /proc} (CPU time, resident set size) and stopped.
 * Servers with {@link ServerControl} also take {@code gc} on stdin.
 */
final class ServerProcess implements AutoCloseable {

  /** Milliseconds per clock tick of {@code /proc}'s CPU times: USER_HZ is 100 on Linux. */
  private static final long CLOCK_TICK_MS = 10;

  private final String name;
  private final Process process;
  private final long startedNanos;
  private final InetSocketAddress address;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final boolean controlled;

  private ServerProcess(
      String name, Process process, long startedNanos, InetSocketAddress address, boolean controlled) {
    this.name = name;
    this.controlled = controlled;
    this.process = process;
    this.startedNanos = startedNanos;
    this.address = address;
    Thread reader = new Thread(this::readStdout, name + "-stdout");
    reader.setDaemon(true);
    reader.start();
  }

  /** A bench server: {@code java <options> -cp <class path> <main> <port>}. */
  static ServerProcess bench(
      String name, String mainClass, String classPath, List<String> jvmOptions) {
    int port = freePort();
    List<String> command = new ArrayList<>(List.of(java()));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", classPath, mainClass, Integer.toString(port)));
    return start(name, command, port, true);
  }

  /**
   * Any command, whose {@code {port}} words are replaced by a free port it is to listen on; its
   * logs are discarded (the sample logs every connection).
   */
  static ServerProcess start(String name, List<String> command) {
    return start(name, command, freePort(), false);
  }

  private static ServerProcess start(String name, List<String> command, int port, boolean controlled) {
    List<String> resolved = command.stream().map(w -> w.replace("{port}", Integer.toString(port))).toList();
    try {
      long started = System.nanoTime();
      Process process =
          new ProcessBuilder(resolved)
              .redirectError(controlled ? ProcessBuilder.Redirect.INHERIT : ProcessBuilder.Redirect.DISCARD)
              .start();
      return new ServerProcess(
          name, process, started, new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
          controlled);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + ": " + resolved, e);
    }
  }

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String name() {
    return name;
  }

  InetSocketAddress address() {
    return address;
  }

  /**
   * Time from the process's start to its first accepted upgrade on {@code path}: connection
   * attempts are refused until it listens, and are repeated every millisecond.
   */
  Duration awaitFirstUpgrade(String path, Duration timeout) throws IOException {
    long deadline = startedNanos + timeout.toNanos();
    while (true) {
      try (Load probe = Load.connect(address, path, 1, 1, Traffic.IDLE, timeout)) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
      } catch (ConnectException refused) {
        if (!process.isAlive()) {
          throw new IOException(name + " exited with status " + process.exitValue() + " before it listened");
        }
        if (System.nanoTime() > deadline) {
          throw new IOException(name + " did not accept an upgrade within " + timeout);
        }
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
      }
    }
  }

  /** CPU time of every thread of the process so far, user and system (/proc/PID/stat on Linux). */
  Duration cpuTime() {
    return process.info().totalCpuDuration().orElseThrow(
        () -> new IllegalStateException("the CPU time of " + name + " is not readable"));
  }

  /**
   * The process's CPU time so far by kind of thread, from {@code /proc/PID/task/*}/stat: its main
   * thread (the one that runs {@code main}, not the launcher's), the JIT compilers, and the rest
   * of the threads still alive (one that has ended is no longer listed there). At start-up this
   * tells whether a slower start is more work on the main thread, or the main thread waiting for
   * a core that the compilers and other threads hold.
   */
  String threadCpu() throws IOException {
    long main = 0;
    long jit = 0;
    long other = 0;
    try (var tasks = Files.list(Path.of("/proc", Long.toString(process.pid()), "task"))) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        String stat;
        try {
          stat = Files.readString(task.resolve("stat"));
        } catch (IOException gone) { // the thread ended meanwhile
          continue;
        }
        String thread = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ms = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * CLOCK_TICK_MS; // utime, stime
        boolean launcher = task.getFileName().toString().equals(Long.toString(process.pid()));
        if (thread.equals("java") && !launcher) {
          main += ms;
        } else if (thread.startsWith("C1 Compiler") || thread.startsWith("C2 Compiler")) {
          jit += ms;
        } else {
          other += ms;
        }
      }
    }
    return "CPU: main thread " + main + " ms, JIT compilers " + jit + " ms, other threads " + other + " ms";
  }

  /** Resident set size from /proc/PID/status. */
  long rssBytes() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    }
    throw new IOException("no VmRSS in /proc/" + process.pid() + "/status");
  }

  /**
   * The resident set size once it holds still: G1 gives the heap it shrank by back to the system
   * on a thread of its own after the collection (JDK 17's concurrent uncommit), so a reading taken
   * right after {@link #gc()} catches a varying part of that. Read every 200 ms until three
   * readings in a row are within 256 KB of each other, at most 5 s; a figure that did not settle
   * is said so on the output.
   */
  long settledRssBytes() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    long last = rssBytes();
    int steady = 0;
    while (System.nanoTime() < deadline) {
      Thread.sleep(200);
      long now = rssBytes();
      steady = Math.abs(now - last) < 256 * 1024 ? steady + 1 : 0;
      last = now;
      if (steady == 2) {
        return now;
      }
    }
    System.out.printf("%-24s resident set still moving after 5 s: %,d KB taken%n", name, last / 1024);
    return last;
  }

  /** A full collection in the server, awaited; returns the bytes of heap in use after it. */
  long gc() throws IOException, InterruptedException {
    process.getOutputStream().write((ServerControl.GC + "\n").getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().flush();
    String line;
    do {
      line = lines.poll(30, TimeUnit.SECONDS);
      if (line == null) {
        throw new IOException(name + " did not finish its collection within 30 s");
      }
    } while (!line.startsWith(ServerControl.GC_DONE + " "));
    return Long.parseLong(line.substring(ServerControl.GC_DONE.length() + 1));
  }

  private void readStdout() {
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        lines.add(line);
      }
    } catch (IOException e) {
      // the process is gone
    }
  }

  /**
   * Closes stdin, on which a bench server exits, or else asks for termination (SIGTERM: the
   * sample's shutdown hook runs, and a class data archive is written at exit); kills the process
   * if it lingers.
   */
  @Override
  public void close() throws InterruptedException {
    try {
      process.getOutputStream().close();
    } catch (IOException e) {
      // already gone
    }
    if (!controlled || !process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroy();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }
}
