package io.switchboard.processor;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
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
    return comment == null ? "" : clean(BLOCK_TAGS.matcher(comment).replaceFirst(""));
  }

  /**
   * The Javadoc of a message type's member: its own comment (a field's, a getter's), or for a
   * record component the {@code @param} of the record's comment that names it.
   */
  String ofMember(Element member) {
    String own = of(member);
    Element type = member.getEnclosingElement();
    if (!own.isEmpty() || type.getKind() != ElementKind.RECORD) {
      return own;
    }
    String comment = elements.getDocComment(type);
    if (comment == null) {
      return "";
    }
    Matcher param = Pattern.compile("(?ms)^\\s*@param\\s+" + Pattern.quote(member.getSimpleName().toString())
        + "\\s+(.*?)(?=^\\s*@|\\z)").matcher(comment);
    return param.find() ? clean(param.group(1)) : "";
  }

  private static String clean(String comment) {
    String text = comment;
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
    return Matcher.quoteReplacement(text);
  }
}
