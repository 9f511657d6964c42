package io.switchboard.undertow.docs;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * A program from the machine (curl, nginx, systemd-analyze) that a docs test runs. Missing on a
 * developer's machine, the test is skipped with a loud message; missing on CI ({@code CI=true}),
 * where {@code .ci/run} installs it, the test fails: there it is a broken setup, not a choice.
 */
final class ExternalTool {

  private ExternalTool() {}

  static Path require(String path) {
    Path tool = Path.of(path);
    if (!Files.isExecutable(tool)) {
      String message = path + " is not installed: this docs test cannot run (apt-get install it)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(message);
      }
      System.err.println("SKIPPED: " + message);
      Assumptions.abort(message);
    }
    return tool;
  }
}
