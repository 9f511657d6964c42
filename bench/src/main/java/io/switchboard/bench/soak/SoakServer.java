package io.switchboard.bench.soak;

import com.example.bench.soak.SoakChatEndpoint;
import io.switchboard.bench.fanout.LoadClients;
import io.switchboard.undertow.ServerStats;
import io.switchboard.undertow.Switchboard;
import io.switchboard.undertow.SwitchboardServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The server JVM of the soak run, driven by {@link Soak} one line at a time on stdin, answering
 * on stdout with lines that start {@link LoadClients#ANSWER}:
 *
 * <pre>
 * PORT         → PORT port=…
 * HEAP         → HEAP usedBytes=…        (after a full GC)
 * STATS        → STATS open=… slowConsumerCloses=… rateLimited=… errors=…
 * QUIT         (stops the server, exits)
 * </pre>
 *
 * <p>The heap is read here, after {@link System#gc()}, from the JVM's own {@code MemoryMXBean}:
 * the figure is exact, in bytes, and needs neither {@code jcmd} on the PATH nor the parsing of its
 * text; and being its own process, the server's heap holds none of the load generator's garbage.
 *
 * <p>Usage: {@code SoakServer <max-queued-bytes>}.
 */
public final class SoakServer {

  private SoakServer() {}

  public static void main(String[] args) throws Exception {
    PrintStream protocol = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    System.setOut(System.err);
    try (SwitchboardServer server =
        Switchboard.server()
            .host("127.0.0.1")
            .port(0)
            .shutdownHook(false)
            .maxQueuedBytes(Long.parseLong(args[0]))
            .endpoint(new SoakChatEndpoint())
            .start()) {
      BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      for (String line; (line = commands.readLine()) != null && !line.equals("QUIT"); ) {
        protocol.println(LoadClients.ANSWER + switch (line) {
          case "PORT" -> "PORT port=" + server.port();
          case "HEAP" -> "HEAP usedBytes=" + heapAfterGc();
          case "STATS" -> stats(server.stats());
          default -> "FAILED unknown command " + line;
        });
      }
      server.stop(Duration.ofSeconds(5));
    }
  }

  private static long heapAfterGc() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static String stats(ServerStats stats) {
    return "STATS open=" + stats.openSessions() + " slowConsumerCloses=" + stats.slowConsumerCloses()
        + " rateLimited=" + stats.rateLimited() + " errors=" + stats.errors();
  }
}
