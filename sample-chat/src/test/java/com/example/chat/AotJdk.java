package com.example.chat;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A JDK with the AOT cache (JDK 25 or newer) for the fast start of docs/deployment.md: {@code
 * $AOT_JDK_HOME}, the JDK running the tests, or the newest under {@code /usr/lib/jvm}. Missing on a
 * developer's machine, the test is skipped with a loud message; missing on CI ({@code CI=true}),
 * it fails.
 */
final class AotJdk {

  static final int FIRST_VERSION = 25;

  private AotJdk() {}

  /** The JDK's home; skips or fails the test when there is none. */
  static Path require() {
    Path home = find();
    if (home == null) {
      String message = "no JDK " + FIRST_VERSION + " or newer (set AOT_JDK_HOME, or install one under"
          + " /usr/lib/jvm): the JDK 25 fast start of docs/deployment.md is not tested";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(message);
      }
      System.err.println("SKIPPED: " + message);
      Assumptions.abort(message);
    }
    return home;
  }

  private static Path find() {
    String given = System.getenv("AOT_JDK_HOME");
    if (given != null && !given.isBlank()) {
      return Path.of(given);
    }
    Path running = Path.of(System.getProperty("java.home"));
    if (Runtime.version().feature() >= FIRST_VERSION) {
      return running;
    }
    try (Stream<Path> homes = Files.list(Path.of("/usr/lib/jvm"))) {
      return homes
          .filter(home -> version(home) >= FIRST_VERSION && Files.isExecutable(home.resolve("bin/java")))
          .max(Comparator.comparingInt(AotJdk::version))
          .orElse(null);
    } catch (IOException e) {
      return null; // no /usr/lib/jvm
    }
  }

  /** The feature version in the JDK's {@code release} file ({@code JAVA_VERSION="25.0.3"}), or 0. */
  static int version(Path home) {
    try {
      for (String line : Files.readAllLines(home.resolve("release"))) {
        if (line.startsWith("JAVA_VERSION=\"")) {
          return Integer.parseInt(line.substring("JAVA_VERSION=\"".length()).split("[.\"]")[0]);
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not a JDK, or an unusual one
    }
    return 0;
  }
}
