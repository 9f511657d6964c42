package io.switchboard.test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/testing.md honest: every line of its Java examples must appear in the test sources
 * that run them ({@link TestingGuideTest}, its app, {@link WsTestClientTlsTest} and {@link
 * RecoveryTest}), whitespace
 * aside.
 */
class TestingGuideInSyncTest {

  private static final Path GUIDE = Path.of("../docs/testing.md");
  private static final List<Path> SOURCES =
      List.of(
          Path.of("src/test/java/io/switchboard/test/TestingGuideTest.java"),
          Path.of("src/test/java/io/switchboard/test/WsTestClientTlsTest.java"),
          Path.of("src/test/java/io/switchboard/test/RecoveryTest.java"),
          Path.of("src/test/java/com/example/greeter/GreeterApp.java"));
  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

  @Test
  void everyLineOfTheGuidesJavaExamplesIsInTheTestsThatRunThem() throws IOException {
    StringBuilder sources = new StringBuilder();
    for (Path source : SOURCES) {
      sources.append(normalized(Files.readString(source))).append(' ');
    }
    List<String> blocks = javaBlocks(Files.readString(GUIDE));
    assertFalse(blocks.isEmpty(), "no ```java blocks in " + GUIDE);

    List<String> missing = new ArrayList<>();
    for (String block : blocks) {
      for (String line : block.split("\n")) {
        if (!line.isBlank() && !sources.toString().contains(normalized(line))) {
          missing.add(line.strip());
        }
      }
    }
    assertTrue(missing.isEmpty(), "lines of " + GUIDE + " that no test runs: " + missing);
  }

  private static List<String> javaBlocks(String markdown) {
    List<String> blocks = new ArrayList<>();
    Matcher block = JAVA_BLOCK.matcher(markdown);
    while (block.find()) {
      blocks.add(block.group(1));
    }
    return blocks;
  }

  private static String normalized(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }
}
