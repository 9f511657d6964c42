package io.switchboard.bench.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * What the comparison's server processes share: the port comes as the only argument, and stdin is
 * the control line. {@code gc} asks for a full collection (before reading the resident set size),
 * answered with {@code gc done} and the bytes of heap in use after it; the end of stdin, when the
 * bench closes it or dies, ends the process.
 *
 * <p>It lives in the JSR-356 baseline's module, and the bench's jar takes this class (and nothing
 * else) from it: that baseline runs from a jar of its own, on another version of Undertow, and this
 * is the one part they share.
 */
public final class ServerControl {

  public static final String GC = "gc";
  public static final String GC_DONE = "gc done";

  private ServerControl() {}

  public static int port(String[] args) {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: <main class> PORT");
    }
    return Integer.parseInt(args[0]);
  }

  /** Answers the control line until stdin ends, then exits the process. */
  public static void serveUntilStdinCloses() throws IOException {
    BufferedReader commands =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = commands.readLine()) != null) {
      if (line.equals(GC)) {
        System.gc();
        Runtime heap = Runtime.getRuntime();
        System.out.println(GC_DONE + " " + (heap.totalMemory() - heap.freeMemory()));
        System.out.flush();
      }
    }
    System.exit(0);
  }
}
