package io.switchboard.bench.perf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A command that is to end by itself: a JDK tool, or the sample's training run. */
final class BoundedCommand {

  private BoundedCommand() {}

  /**
   * Runs {@code command}; its output (and error output), or an exception saying why it failed. The
   * output goes to a file, so that a command that hangs is given up on, and killed, after {@code
   * timeout} rather than read from forever.
   */
  static String output(List<String> command, Duration timeout) throws IOException, InterruptedException {
    Path output = Files.createTempFile("switchboard-command", ".txt");
    try {
      Process process =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
      boolean ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (!ended) {
        process.destroyForcibly().waitFor();
      }
      String printed = Files.readString(output, StandardCharsets.UTF_8);
      if (!ended || process.exitValue() != 0) {
        String why = ended
            ? " exited with " + process.exitValue()
            : " did not end within " + timeout.toSeconds() + " s";
        throw new IOException(String.join(" ", command) + why + ":\n" + printed);
      }
      return printed;
    } finally {
      Files.deleteIfExists(output);
    }
  }
}
