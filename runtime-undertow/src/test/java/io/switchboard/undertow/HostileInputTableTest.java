package io.switchboard.undertow;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/security.md's hostile-input table names, for each row, the test that pins its outcome:
 * each of those is a test here, so a renamed or deleted test fails until the table follows.
 */
class HostileInputTableTest {

  @Test
  void everyRowNamesATestOfThisModule() throws Exception {
    String page = Files.readString(Path.of("..", "docs", "security.md"));
    int start = page.indexOf("\n## Hostile input\n");
    assertTrue(start >= 0, "security.md has no hostile-input section");
    String section = page.substring(start, indexOrEnd(page, page.indexOf("\n## ", start + 1)));

    Matcher row = Pattern.compile("(?m)^\\|[^|]+\\|[^|]+\\| `(\\w+)\\.(\\w+)` \\|$").matcher(section);
    int rows = 0;
    while (row.find()) {
      Class<?> test = Class.forName(getClass().getPackageName() + "." + row.group(1));
      String name = row.group(2);
      assertTrue(
          Arrays.stream(test.getDeclaredMethods())
              .filter(method -> method.getName().equals(name))
              .anyMatch(HostileInputTableTest::isTest),
          row.group(1) + "." + name + " is not a test");
      rows++;
    }
    long tableRows = section.lines().filter(line -> line.startsWith("| ") && !line.startsWith("| input") && !line.startsWith("| ---")).count();
    assertTrue(rows > 20 && rows == tableRows, rows + " of " + tableRows + " rows name a test");
  }

  private static boolean isTest(Method method) {
    return method.isAnnotationPresent(Test.class);
  }

  private static int indexOrEnd(String text, int index) {
    return index < 0 ? text.length() : index;
  }
}
