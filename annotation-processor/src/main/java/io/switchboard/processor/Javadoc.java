package io.switchboard.processor;

import java.util.regex.Pattern;
import javax.lang.model.element.Element;
import javax.lang.model.util.Elements;

/**
 * The main description of an element's Javadoc as plain text, for the contract's {@code
 * description}s: block tags ({@code @param}…) dropped, inline tags reduced to their text, HTML
 * tags removed, whitespace collapsed. Empty when there is no comment.
 */
final class Javadoc {

  private static final Pattern BLOCK_TAGS = Pattern.compile("(?m)^\\s*@\\w+.*", Pattern.DOTALL);
  private static final Pattern LINK = Pattern.compile("\\{@(?:link|linkplain|value)\\s+([^}\\s]+)(?:\\s+([^}]*))?}");
  private static final Pattern INLINE = Pattern.compile("\\{@(?:code|literal)\\s*([^}]*)}");
  private static final Pattern HTML = Pattern.compile("</?[a-zA-Z][^>]*>");

  private final Elements elements;

  Javadoc(Elements elements) {
    this.elements = elements;
  }

  String of(Element element) {
    String comment = elements.getDocComment(element);
    if (comment == null) {
      return "";
    }
    String text = BLOCK_TAGS.matcher(comment).replaceFirst("");
    text = LINK.matcher(text).replaceAll(m -> quote(m.group(2) != null ? m.group(2) : linkText(m.group(1))));
    text = INLINE.matcher(text).replaceAll(m -> quote(m.group(1)));
    text = HTML.matcher(text).replaceAll("");
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").strip().replaceAll("\\s+", " ");
  }

  /** {@code Foo#bar(int)} → {@code Foo.bar}, {@code #bar} → {@code bar}. */
  private static String linkText(String target) {
    String text = target.replaceFirst("\\(.*", "");
    return text.startsWith("#") ? text.substring(1) : text.replace('#', '.');
  }

  private static String quote(String text) {
    return java.util.regex.Matcher.quoteReplacement(text);
  }
}
