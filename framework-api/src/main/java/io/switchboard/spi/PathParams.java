package io.switchboard.spi;

import io.switchboard.json.JsonCodec;
import java.io.IOException;
import java.util.Map;

/**
 * How generated dispatchers read {@link io.switchboard.PathParam} arguments: the text of a URI
 * template value, or that text converted the way a text-line argument is ({@link
 * JsonCodec#fromText}). The runtime checks every value with {@link
 * EndpointDispatcher#checkPathParams} before the upgrade, so a handler never sees one that does
 * not convert.
 */
public final class PathParams {

  private PathParams() {}

  /** The text of the value named {@code name} of the session's path. */
  public static String text(HandlerContext context, String name) {
    return text(context.session().pathParams(), name);
  }

  /** The value named {@code name} of the session's path, converted with {@code codec}. */
  public static <T> T read(HandlerContext context, String name, JsonCodec<T> codec) throws IOException {
    return codec.fromText(text(context, name));
  }

  /**
   * Converts the value named {@code name} with {@code codec}.
   *
   * @throws IOException (a {@link io.switchboard.json.JsonDecodeException}) if it does not convert
   */
  public static void check(Map<String, String> values, String name, JsonCodec<?> codec) throws IOException {
    codec.fromText(text(values, name));
  }

  private static String text(Map<String, String> values, String name) {
    String value = values.get(name);
    if (value == null) {
      throw new IllegalStateException("no path parameter \"" + name + "\" in " + values);
    }
    return value;
  }
}
