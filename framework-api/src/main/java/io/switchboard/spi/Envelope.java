package io.switchboard.spi;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.ContentReference;
import com.fasterxml.jackson.core.io.JsonEOFException;
import io.switchboard.WsException;
import io.switchboard.json.Json;
import io.switchboard.json.JsonCodec;
import io.switchboard.json.JsonDecodeException;
import io.switchboard.json.MalformedJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Function;

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
 * <p>The JSON {@code data} is decoded here, on the same parser, when the command came before it
 * and the caller says which codec the command's payload takes ({@link #parse(String, Function)});
 * otherwise its extent is noted and the generated codec decodes it once the dispatcher knows the
 * command's payload type.
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

  /** Where {@code data} is on the envelope's parser: the prefix of its decoding errors' paths. */
  private static final String DATA_PATH = "$.data";

  /** No command's payload is decoded while the envelope is parsed. */
  private static final Function<String, JsonCodec<?>> NO_CODECS = command -> null;

  /**
   * Parses one text message; a JSON {@code data} is left for the dispatcher to decode.
   *
   * @throws MalformedEnvelopeException ({@code bad_request}) for a blank message, malformed JSON, a
   *     missing or non-string {@code cmd}, or an {@code id} that is not a number or string
   */
  public static Envelope parse(String text) {
    return parse(text, NO_CODECS);
  }

  /**
   * Parses one text message, decoding a JSON {@code data} that follows {@code cmd} with the codec
   * {@code payloadCodecs} gives for the command ({@link EndpointDispatcher#payloadCodec}), so that
   * the message is tokenized once. The payload then holds the value, or the decoding error, for
   * {@link Payload#read} with that codec: a {@code data} that does not decode is the command's
   * {@code bad_request}, as it would be when decoded later, never the envelope's.
   *
   * @throws MalformedEnvelopeException as {@link #parse(String)}
   */
  public static Envelope parse(String text, Function<String, JsonCodec<?>> payloadCodecs) {
    int start = firstNonBlank(text);
    if (start == text.length()) {
      throw new MalformedEnvelopeException(null, null, "empty message");
    }
    if (text.charAt(start) == '{') {
      return parseJson(text, payloadCodecs);
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

  private static Envelope parseJson(String text, Function<String, JsonCodec<?>> payloadCodecs) {
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
          case "data" -> payload =
              dataPayload(parser, token, chars, command == null ? null : payloadCodecs.apply(command));
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

  /**
   * Notes where {@code data} lies in the text and, given its command's codec, decodes it on the
   * way; without one, it is decoded later by the payload's codec.
   */
  private static Payload dataPayload(JsonParser parser, JsonToken token, char[] message, JsonCodec<?> codec)
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
    }
    if (codec == null) {
      if (!token.isScalarValue()) {
        parser.skipChildren();
      }
      return Payloads.jsonSlice(message, start, end(parser), string);
    }
    JsonStreamContext envelope = token.isStructStart() ? parser.getParsingContext().getParent() : parser.getParsingContext();
    Object value = null;
    RuntimeException failure = null;
    try {
      // A syntax error or a limit (nesting, number length) propagates: skipping the data without a
      // codec meets them too, and they are the envelope's fault either way.
      value = codec.read(parser);
    } catch (JsonDecodeException e) {
      failure = e.withPath(relativeToData(e.path()));
    } catch (InputCoercionException e) { // a well-formed value out of range: the command's fault
      failure = new JsonDecodeException(
          relativeToData(JsonDecodeException.pathOf(parser.getParsingContext())),
          MalformedJson.describe(e, parser.currentLocation()));
    } catch (JsonParseException | StreamConstraintsException e) {
      throw e;
    } catch (IOException e) { // from a hand-written codec: the dispatcher reports it as a failure
      failure = new UncheckedIOException(e);
    } catch (RuntimeException e) { // likewise, as it would have on decoding
      failure = e;
    } catch (StackOverflowError e) {
      failure = new IllegalStateException(e);
    }
    // After a failure, and after a codec that stopped short of the end (a hand-written one may),
    // the envelope is read on from the end of data, as it is when data is skipped.
    skipRestOf(parser, envelope);
    return Payloads.decoded(message, start, end(parser), string, codec, value, failure);
  }

  /** Where the value the parser just finished ends in the text. */
  private static int end(JsonParser parser) {
    return (int) parser.currentLocation().getCharOffset();
  }

  /** Moves the parser to the last token of {@code data}, where it is after a complete decoding. */
  private static void skipRestOf(JsonParser parser, JsonStreamContext envelope) throws IOException {
    while (parser.getParsingContext() != envelope) {
      if (parser.nextToken() == null) {
        throw new JsonEOFException(parser, null, "the data is not closed");
      }
    }
  }

  /**
   * A path found on the envelope's parser ({@code $.data.items[2]}) as the codec would have
   * found it on {@code data} alone ({@code $.items[2]}), which is what replies say.
   */
  private static String relativeToData(String path) {
    if (!path.startsWith(DATA_PATH)) {
      return path;
    }
    String rest = path.substring(DATA_PATH.length());
    return rest.isEmpty() || rest.startsWith(".") || rest.startsWith("[") ? "$" + rest : path;
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
