package io.switchboard.undertow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md's key table is the table {@link Keys} declares, row for row: a key added,
 * renamed or given another default in code fails here until the page says so too.
 */
class ConfigurationPageTest {

  private static final String HEADER =
      "| key (property `switchboard.…`) | environment | builder | default | what it does |";

  @Test
  void theKeyTableOfTheConfigurationPageIsTheDeclaredOne() throws IOException {
    List<String> page = Files.readAllLines(Path.of("..", "docs", "configuration.md"));
    int header = page.indexOf(HEADER);
    assertTrue(header >= 0, "docs/configuration.md has no key table headed " + HEADER);
    List<String> printed = page.stream().skip(header + 2).takeWhile(line -> line.startsWith("|")).toList();

    List<String> declared = Keys.ALL.stream().map(Setting::docRow).toList();

    // Joined, so that the failure shows the table to paste into the page.
    assertEquals(String.join("\n", declared), String.join("\n", printed), "docs/configuration.md's key table");
  }
}
