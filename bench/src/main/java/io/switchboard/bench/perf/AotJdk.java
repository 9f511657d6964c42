package io.switchboard.bench.perf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where {@code Perf} finds a JDK with the AOT cache (JDK 25 or newer) for the sample jar's fastest
 * start, when {@code --aot-jdk} does not name one: {@code $AOT_JDK_HOME}, the JDK running the
 * bench, or the newest under {@code /usr/lib/jvm}.
 */
final class AotJdk {

  static final int FIRST_VERSION = 25;

  private AotJdk() {}

  /** The JDK's home, or null when this machine has none. */
  static Path find() {
    String given = System.getenv("AOT_JDK_HOME");
    if (given != null && !given.isBlank()) {
      return Path.of(given);
    }
    if (Runtime.version().feature() >= FIRST_VERSION) {
      return Path.of(System.getProperty("java.home"));
    }
    try (Stream<Path> homes = Files.list(Path.of("/usr/lib/jvm"))) {
      return homes
          .filter(home -> featureVersion(home) >= FIRST_VERSION && Files.isExecutable(java(home)))
          .max(Comparator.comparingInt(AotJdk::featureVersion))
          .orElse(null);
    } catch (IOException e) {
      return null; // no /usr/lib/jvm
    }
  }

  static Path java(Path home) {
    return home.resolve("bin").resolve("java");
  }

  /** The feature version of the JDK's {@code release} file ({@code JAVA_VERSION="25.0.3"}), or 0. */
  static int featureVersion(Path home) {
    try (Stream<String> lines = Files.lines(home.resolve("release"))) {
      return lines
          .filter(line -> line.startsWith("JAVA_VERSION=\""))
          .map(line -> Runtime.Version.parse(line.substring("JAVA_VERSION=\"".length(), line.length() - 1)))
          .mapToInt(Runtime.Version::feature)
          .findFirst()
          .orElse(0);
    } catch (IOException | IllegalArgumentException e) {
      return 0; // not a JDK, or an unusual one
    }
  }
}
