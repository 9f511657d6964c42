package io.switchboard.spi;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.switchboard.WsException;
import io.switchboard.json.Json;
import io.switchboard.json.JsonCodec;
import io.switchboard.json.JsonDecodeException;
import io.switchboard.json.MalformedJson;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The {@link Payload} implementations: absent, a text-line argument, JSON {@code data}. */
public final class Payloads {

  private static final Payload ABSENT = new Absent();

  private Payloads() {}

  /** No payload: no {@code data} (or {@code null}), or no argument after the command. */
  public static Payload absent() {
    return ABSENT;
  }

  /** The argument of a text-line command. */
  public static Payload text(String argument) {
    return new TextArgument(argument);
  }

  /** JSON {@code data}, as a whole JSON text. */
  public static Payload json(String data) {
    char[] chars = data.toCharArray();
    return jsonSlice(chars, 0, chars.length, null);
  }

  /**
   * JSON {@code data} lying at {@code [start, end)} of a message, without copying it.
   *
   * @param string the text when {@code data} is a JSON string, number or boolean, already read;
   *     else null
   */
  static Payload jsonSlice(char[] message, int start, int end, String string) {
    return new JsonData(message, start, end, string, null, null, null);
  }

  /**
   * JSON {@code data} already decoded with {@code codec} while the envelope was parsed: {@link
   * Payload#read} with that codec returns {@code value}, or throws {@code failure}; another codec
   * decodes the slice.
   */
  static Payload decoded(char[] message, int start, int end, String string, JsonCodec<?> codec,
      Object value, RuntimeException failure) {
    return new JsonData(message, start, end, string, codec, value, failure);
  }

  private static final class Absent implements Payload {
    @Override
    public boolean isPresent() {
      return false;
    }

    @Override
    public String text() {
      return "";
    }

    @Override
    public <T> T read(JsonCodec<T> codec) {
      try {
        return codec.absent();
      } catch (JsonDecodeException e) {
        throw new JsonDecodeException("$", "data is required");
      }
    }
  }

  private record TextArgument(String argument) implements Payload {
    @Override
    public boolean isPresent() {
      return true;
    }

    @Override
    public String text() {
      return argument;
    }

    @Override
    public <T> T read(JsonCodec<T> codec) {
      try {
        return codec.fromText(argument);
      } catch (JsonProcessingException e) {
        throw new JsonDecodeException("$", MalformedJson.describe(e, null));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private record JsonData(char[] message, int start, int end, String string,
      JsonCodec<?> decodedWith, Object value, RuntimeException failure) implements Payload {
    @Override
    public boolean isPresent() {
      return true;
    }

    @Override
    public String text() {
      if (string == null) {
        throw new JsonDecodeException("$", "expected a string, got " + describe());
      }
      return string;
    }

    private String describe() {
      try (JsonParser parser = Json.FACTORY.createParser(message, start, end - start)) {
        return Json.describe(parser.nextToken());
      } catch (IOException e) {
        return "malformed JSON";
      }
    }

    @Override
    @SuppressWarnings("unchecked") // decodedWith is codec: the value is its T
    public <T> T read(JsonCodec<T> codec) {
      if (codec == decodedWith) {
        if (failure != null) {
          throw failure;
        }
        return (T) value;
      }
      try (JsonParser parser = Json.FACTORY.createParser(message, start, end - start)) {
        parser.nextToken();
        try {
          return codec.read(parser);
        } catch (JsonProcessingException e) {
          // The envelope's parse checked the syntax; what is left is a limit, met on decoding.
          throw new JsonDecodeException(JsonDecodeException.pathOf(parser.getParsingContext()),
              MalformedJson.describe(e, parser.currentLocation()));
        }
      } catch (WsException e) {
        throw e;
      } catch (JsonProcessingException e) {
        throw new JsonDecodeException("$", MalformedJson.describe(e, null));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
