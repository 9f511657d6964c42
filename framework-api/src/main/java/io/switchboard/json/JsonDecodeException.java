package io.switchboard.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import io.switchboard.WsException;
import java.io.IOException;

/**
 * A payload that is well-formed JSON but not of the expected shape: a wrong type, a missing
 * required field, a bad enum constant or date. It is a {@code bad_request} {@link WsException}
 * carrying the JSON path of the offending value ({@code $.items[2].price}), relative to the
 * message's {@code data}. The path comes from the parser's own context, so codecs never track it.
 */
public final class JsonDecodeException extends WsException {

  public JsonDecodeException(String path, String message) {
    super(BAD_REQUEST, path + ": " + message, path, false);
  }

  /** An error about the parser's current value. */
  public static JsonDecodeException at(JsonParser parser, String message) {
    return new JsonDecodeException(pathOf(parser.getParsingContext()), message);
  }

  /** The current value has the wrong JSON type: "expected a number, got a string". */
  public static JsonDecodeException expected(JsonParser parser, String expected) {
    return at(parser, "expected " + expected + ", got " + Json.describe(parser.currentToken()));
  }

  /**
   * The current value has the right JSON type but not an acceptable value: "expected an ISO-8601
   * date, got \"yesterday\"". The value is quoted, cut short if long: it comes from the client.
   */
  public static JsonDecodeException unexpectedValue(JsonParser parser, String expected) throws IOException {
    return at(parser, "expected " + expected + ", got " + quote(parser.getText()));
  }

  /** A text-line argument that is not what its command takes: {@code $: expected an integer, got "many"}. */
  public static JsonDecodeException unexpectedText(String expected, String text) {
    return new JsonDecodeException("$", "expected " + expected + ", got " + quote(text));
  }

  /** A value from the client, quoted and cut short if long. */
  static String quote(String text) {
    return "\"" + cut(text) + "\"";
  }

  /** A value from the client cut short if long: it goes into a reply and a log line. */
  static String cut(String text) {
    int limit = 60;
    return text.length() <= limit ? text : text.substring(0, limit) + "...";
  }

  /**
   * A required member is missing from the object the parser just finished: call it on the
   * object's {@code END_OBJECT}, where Jackson's context is already the parent's, which names the
   * object.
   */
  public static JsonDecodeException missingField(JsonParser parser, String field) {
    String objectPath = pathOf(parser.getParsingContext());
    return new JsonDecodeException(objectPath + "." + field, "required field is missing");
  }

  /**
   * The object the parser just finished was refused by its constructor, which validates it (a
   * record's compact constructor throwing {@code IllegalArgumentException}). Call it on the
   * object's {@code END_OBJECT}, like {@link #missingField}; the constructor's message is the
   * application's own and is passed on.
   */
  public static JsonDecodeException invalid(JsonParser parser, RuntimeException refusal) {
    return invalid(pathOf(parser.getParsingContext()), refusal);
  }

  /** A value at {@code path} refused by its constructor, e.g. one built from a text-line argument. */
  public static JsonDecodeException invalid(String path, RuntimeException refusal) {
    String reason = refusal.getMessage() == null ? refusal.getClass().getSimpleName() : refusal.getMessage();
    return new JsonDecodeException(path, "invalid value: " + reason);
  }

  /** A required value is absent; the caller knows where, see {@link #withPath(String)}. */
  public static JsonDecodeException missing() {
    return new JsonDecodeException("$", "required value is missing");
  }

  /** This error at another path, keeping the message without its old path prefix. */
  public JsonDecodeException withPath(String path) {
    String message = getMessage();
    String bare = message.startsWith(path() + ": ") ? message.substring(path().length() + 2) : message;
    return new JsonDecodeException(path, bare);
  }

  /**
   * The JSONPath of a parsing context: {@code $} for the root, {@code $.a.b[2]} below it; names
   * that are not plain identifiers are quoted ({@code $['first name']}).
   */
  public static String pathOf(JsonStreamContext context) {
    StringBuilder path = new StringBuilder();
    appendPath(context, path);
    return path.toString();
  }

  private static void appendPath(JsonStreamContext context, StringBuilder path) {
    if (context == null || context.inRoot()) {
      path.append('$');
      return;
    }
    appendPath(context.getParent(), path);
    // A context just opened (on START_ARRAY / START_OBJECT) has no index or name yet: the path
    // is then its parent's, which names the member or element holding the new container.
    if (context.inArray() && context.hasCurrentIndex()) {
      path.append('[').append(context.getCurrentIndex()).append(']');
    } else if (context.inObject() && context.getCurrentName() != null) {
      String name = context.getCurrentName();
      if (name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
        path.append('.').append(name);
      } else {
        path.append("['").append(name.replace("'", "\\'")).append("']");
      }
    }
  }
}
