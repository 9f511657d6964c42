package io.switchboard.undertow.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The fenced code blocks of one language in a page of docs/, in page order, as printed. */
final class MarkdownBlocks {

  private static final Pattern FENCE =
      Pattern.compile("^( *)```(\\w*)\\n(.*?)^\\1```", Pattern.DOTALL | Pattern.MULTILINE);

  private MarkdownBlocks() {}

  static List<String> of(String page, String language) {
    String markdown;
    try {
      markdown = Files.readString(Path.of("..", "docs", page));
    } catch (IOException e) {
      throw new AssertionError("docs/" + page + " is missing", e);
    }
    List<String> blocks = new ArrayList<>();
    Matcher fence = FENCE.matcher(markdown);
    while (fence.find()) {
      if (fence.group(2).equals(language)) {
        blocks.add(fence.group(3).replaceAll("(?m)^" + fence.group(1), ""));
      }
    }
    return blocks;
  }

  /** The import lines of a block, for the top of the file that runs it. */
  static String imports(String block) {
    return block.lines().filter(line -> line.startsWith("import ")).reduce("", (a, b) -> a + b + "\n");
  }

  /** A block without its import lines, for the body of the method that runs it. */
  static String body(String block) {
    return block.lines().filter(line -> !line.startsWith("import ")).reduce("", (a, b) -> a + b + "\n").strip();
  }
}
