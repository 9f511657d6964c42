package chat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import io.switchboard.json.Codecs;
import io.switchboard.json.JsonCodec;
import io.switchboard.json.JsonDecodeException;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.annotation.processing.Generated;

/**
 * Reads and writes {@link ChatLine} as JSON; generated from its declaration.
 */
@Generated("io.switchboard.processor.SwitchboardProcessor")
public final class ChatLine_JsonCodec implements JsonCodec<ChatLine> {
  public static final ChatLine_JsonCodec INSTANCE = new ChatLine_JsonCodec();

  private static final SerializedString AUTHOR = new SerializedString("author");

  private static final SerializedString TEXT = new SerializedString("message");

  private static final SerializedString LIKES = new SerializedString("likes");

  private static final SerializedString TAGS = new SerializedString("tags");

  private static final SerializedString AT = new SerializedString("at");

  private ChatLine_JsonCodec() {
  }

  @Override
  public ChatLine read(JsonParser parser) throws IOException {
    if (parser.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      throw JsonDecodeException.expected(parser, "an object");
    }
    String author = null;
    String text = null;
    int likes = 0;
    List<String> tags = null;
    Optional<Instant> at = Optional.empty();
    boolean hasAuthor = false;
    boolean hasText = false;
    boolean hasLikes = false;
    boolean hasTags = false;
    String member;
    while ((member = parser.nextFieldName()) != null) {
      parser.nextToken();
      switch (member) {
        case "author" -> {
          author = Codecs.STRING.read(parser);
          hasAuthor = true;
        }
        case "message" -> {
          text = Codecs.STRING.read(parser);
          hasText = true;
        }
        case "likes" -> {
          likes = Codecs.readNonNull(parser, Codecs.INT);
          hasLikes = true;
        }
        case "tags" -> {
          tags = MemberCodecs.LIST_OF_STRING.read(parser);
          hasTags = true;
        }
        case "at" -> at = MemberCodecs.OPTIONAL_OF_INSTANT.read(parser);
        default -> parser.skipChildren();
      }
    }
    if (!hasAuthor) {
      throw JsonDecodeException.missingField(parser, "author");
    }
    if (!hasText) {
      throw JsonDecodeException.missingField(parser, "message");
    }
    if (!hasLikes) {
      throw JsonDecodeException.missingField(parser, "likes");
    }
    if (!hasTags) {
      throw JsonDecodeException.missingField(parser, "tags");
    }
    try {
      return new ChatLine(author, text, likes, tags, at);
    } catch (IllegalArgumentException | NullPointerException refusal) {
      throw JsonDecodeException.invalid(parser, refusal);
    }
  }

  @Override
  public void write(JsonGenerator generator, ChatLine value) throws IOException {
    if (value == null) {
      generator.writeNull();
      return;
    }
    generator.writeStartObject();
    generator.writeFieldName(AUTHOR);
    Codecs.STRING.write(generator, value.author());
    generator.writeFieldName(TEXT);
    Codecs.STRING.write(generator, value.text());
    generator.writeFieldName(LIKES);
    generator.writeNumber(value.likes());
    generator.writeFieldName(TAGS);
    MemberCodecs.LIST_OF_STRING.write(generator, value.tags());
    generator.writeFieldName(AT);
    MemberCodecs.OPTIONAL_OF_INSTANT.write(generator, value.at());
    generator.writeEndObject();
  }

  /**
   * The member codecs that need building, created on first use.
   */
  private static final class MemberCodecs {
    static final JsonCodec<List<String>> LIST_OF_STRING = Codecs.listOf(Codecs.STRING);

    static final JsonCodec<Optional<Instant>> OPTIONAL_OF_INSTANT = Codecs.optionalOf(Codecs.INSTANT);
  }
}
