package io.switchboard.spi;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.ContentReference;
import io.switchboard.WsException;
import io.switchboard.json.Json;
import io.switchboard.json.MalformedJson;
import java.io.IOException;

/**
 * One inbound text message, parsed into its command, correlation id and payload. Both message
 * forms of {@code docs/protocol.md} are recognised:
 *
 * <ul>
 *   <li>a JSON envelope {@code {"cmd":"name","id":7,"data":{…}}} when the first non-blank
 *       character is <code>{</code> ({@code id} and {@code data} optional, members in any order,
 *       unknown members ignored);
 *   <li>a text line {@code name Tony} otherwise: the command is the first word, the argument the
 *       rest with surrounding whitespace trimmed.
 * </ul>
 *
 * <p>The JSON {@code data} is not decoded here: its extent is noted and the generated codec
 * decodes it once the dispatcher knows the command's payload type.
 *
 * @param form which of the two forms the message used
 * @param command the command name
 * @param id the request's {@code id} (a {@code Long} or {@code String}), or null
 * @param payload the command's payload
 */
public record Envelope(Form form, String command, Object id, Payload payload) {

  /** The two message forms. */
  public enum Form {
    /** <code>{"cmd":…}</code>; replies are JSON envelopes. */
    JSON,
    /** {@code cmd argument}; a String reply is sent as plain text. */
    TEXT_LINE
  }

  /**
   * Parses one text message.
   *
   * @throws MalformedEnvelopeException ({@code bad_request}) for a blank message, malformed JSON, a
   *     missing or non-string {@code cmd}, or an {@code id} that is not a number or string
   */
  public static Envelope parse(String text) {
    int start = firstNonBlank(text);
    if (start == text.length()) {
      throw new MalformedEnvelopeException(null, null, "empty message");
    }
    if (text.charAt(start) == '{') {
      return parseJson(text);
    }
    return parseTextLine(text, start);
  }

  private static Envelope parseTextLine(String text, int start) {
    int end = start;
    while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
      end++;
    }
    String command = text.substring(start, end);
    String argument = text.substring(end).strip();
    Payload payload = argument.isEmpty() ? Payloads.absent() : Payloads.text(argument);
    return new Envelope(Form.TEXT_LINE, command, null, payload);
  }

  private static Envelope parseJson(String text) {
    String command = null;
    Object id = null;
    Payload payload = Payloads.absent();
    // One copy to a char[] that both the envelope parser and the later data decoding read.
    char[] chars = text.toCharArray();
    JsonParser parser = null;
    try {
      parser = Json.FACTORY.createParser(chars, 0, chars.length);
      parser.nextToken(); // START_OBJECT, guaranteed by the first character
      String field;
      while ((field = parser.nextFieldName()) != null) {
        JsonToken token = parser.nextToken();
        switch (field) {
          case "cmd" -> {
            if (token != JsonToken.VALUE_STRING) {
              throw new MalformedEnvelopeException(id, null, "$.cmd: expected a string, got " + Json.describe(token));
            }
            command = parser.getText();
          }
          case "id" -> id = readId(parser, token, command);
          case "data" -> payload = dataPayload(parser, token, chars);
          default -> parser.skipChildren();
        }
      }
      int end = (int) parser.currentLocation().getCharOffset();
      if (hasMore(parser)) {
        throw new MalformedEnvelopeException(id, command, MalformedJson.describe("content after the envelope", at(chars, end)));
      }
    } catch (JsonProcessingException e) {
      throw new MalformedEnvelopeException(id, command, MalformedJson.describe(e, parser.currentLocation()));
    } catch (IOException e) {
      throw new MalformedEnvelopeException(id, command, "unreadable message");
    } finally {
      close(parser);
    }
    if (command == null) {
      throw new MalformedEnvelopeException(id, null, "$.cmd: required field is missing");
    }
    return new Envelope(Form.JSON, command, id, payload);
  }

  /** Whether anything but blanks follows the envelope; whatever it is, it is not JSON's. */
  private static boolean hasMore(JsonParser parser) {
    try {
      return parser.nextToken() != null;
    } catch (IOException e) {
      return true;
    }
  }

  /** Where the first non-blank character from {@code offset} on is, as Jackson's locations say it. */
  private static JsonLocation at(char[] text, int offset) {
    int position = offset;
    while (position < text.length && Character.isWhitespace(text[position])) {
      position++;
    }
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < position; i++) {
      if (text[i] == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new JsonLocation(ContentReference.unknown(), -1, position, line, position - lineStart + 1);
  }

  private static void close(JsonParser parser) {
    if (parser != null) {
      try {
        parser.close();
      } catch (IOException e) {
        // Reads a char[]: closing releases buffers and cannot fail.
      }
    }
  }

  private static Object readId(JsonParser parser, JsonToken token, String command) throws IOException {
    return switch (token) {
      case VALUE_NUMBER_INT -> {
        if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
          throw new MalformedEnvelopeException(
              null, command, "$.id: expected an integer from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE);
        }
        yield parser.getLongValue();
      }
      case VALUE_STRING -> parser.getText();
      case VALUE_NULL -> null;
      default -> throw new MalformedEnvelopeException(
          null, command, "$.id: expected a number or a string, got " + Json.describe(token));
    };
  }

  /** Notes where {@code data} lies in the text; it is decoded later, by the payload's codec. */
  private static Payload dataPayload(JsonParser parser, JsonToken token, char[] message)
      throws IOException {
    if (token == JsonToken.VALUE_NULL) {
      return Payloads.absent();
    }
    int start = (int) parser.currentTokenLocation().getCharOffset();
    String string = null;
    if (token.isScalarValue()) {
      // A String parameter takes a number or boolean as written, as Codecs.STRING does; getText()
      // also completes the lazily read token, so the end is right.
      string = parser.getText();
    } else {
      parser.skipChildren();
    }
    int end = (int) parser.currentLocation().getCharOffset();
    return Payloads.jsonSlice(message, start, end, string);
  }

  private static int firstNonBlank(String text) {
    int i = 0;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  /**
   * A message that is not a valid envelope: answered with {@code bad_request}, echoing the id and
   * command when they could be read before the fault.
   */
  public static final class MalformedEnvelopeException extends WsException {
    private final Object id;
    private final String command;

    MalformedEnvelopeException(Object id, String command, String message) {
      super(BAD_REQUEST, message, null, false);
      this.id = id;
      this.command = command;
    }

    /** The request id, if it was read before the fault; else null. */
    public Object id() {
      return id;
    }

    /** The command, if it was read before the fault; else null. */
    public String command() {
      return command;
    }
  }
}
