package io.switchboard.processor;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An endpoint path split into segments, each a literal or a {@code {name}} parameter: what the
 * processor checks of a URI template before the runtime hands it to Undertow's matcher.
 *
 * @param segments the segments after the leading {@code /}; a parameter is kept as {@code {name}}
 * @param names the parameter names in order
 */
record PathTemplate(List<String> segments, Set<String> names) {

  private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");

  /** The template of a path that starts with {@code /}, or why it is malformed. */
  static Result parse(String path) {
    List<String> segments = List.of(path.substring(1).split("/", -1));
    Set<String> names = new LinkedHashSet<>();
    for (String segment : segments) {
      if (segment.indexOf('{') < 0 && segment.indexOf('}') < 0) {
        continue;
      }
      Matcher parameter = PARAMETER.matcher(segment);
      if (!parameter.matches()) {
        return new Result(null, "segment \"" + segment + "\" is neither literal text nor one whole {name}"
            + " parameter (a name is letters, digits and _, not starting with a digit)");
      }
      if (!names.add(parameter.group(1))) {
        return new Result(null, "parameter {" + parameter.group(1) + "} appears twice");
      }
    }
    return new Result(new PathTemplate(segments, names), null);
  }

  /** A parsed template, or the problem with the path. */
  record Result(PathTemplate template, String problem) {}

  boolean isTemplate() {
    return !names.isEmpty();
  }

  /**
   * Whether some path would match both templates: the same number of segments, and at each one
   * equal literals or a parameter on either side. A literal path never overlaps, as it wins.
   */
  boolean overlaps(PathTemplate other) {
    if (!isTemplate() || !other.isTemplate() || segments.size() != other.segments.size()) {
      return false;
    }
    for (int i = 0; i < segments.size(); i++) {
      String mine = segments.get(i);
      String theirs = other.segments.get(i);
      if (!isParameter(mine) && !isParameter(theirs) && !mine.equals(theirs)) {
        return false;
      }
    }
    return true;
  }

  /** One path both match, for the message: a parameter becomes its name. */
  String example(PathTemplate other) {
    List<String> path = new ArrayList<>();
    for (int i = 0; i < segments.size(); i++) {
      String segment = isParameter(segments.get(i)) ? other.segments.get(i) : segments.get(i);
      path.add(isParameter(segment) ? segment.substring(1, segment.length() - 1) : segment);
    }
    return "/" + String.join("/", path);
  }

  private static boolean isParameter(String segment) {
    return segment.startsWith("{");
  }

  static Optional<PathTemplate> of(String path) {
    return path.startsWith("/") ? Optional.ofNullable(parse(path).template()) : Optional.empty();
  }
}
