package io.switchboard.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import io.switchboard.json.Codecs;
import io.switchboard.json.JsonCodec;
import io.switchboard.json.JsonDecodeException;
import io.switchboard.spi.Envelope.MalformedEnvelopeException;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A command's {@code data} decoded while its envelope is parsed ({@link Envelope#parse(String,
 * java.util.function.Function)}): once, with the outcome, value or error, that decoding it
 * afterwards would have had.
 */
class EnvelopeDecodingTest {

  /** Counts its reads; decodes like the codec it wraps. */
  static final class Counting<T> implements JsonCodec<T> {
    final JsonCodec<T> codec;
    int reads;

    Counting(JsonCodec<T> codec) {
      this.codec = codec;
    }

    @Override
    public T read(JsonParser parser) throws IOException {
      reads++;
      return codec.read(parser);
    }

    @Override
    public void write(JsonGenerator generator, T value) throws IOException {
      codec.write(generator, value);
    }
  }

  static final JsonCodec<Map<String, List<Integer>>> SCORES = Codecs.mapOf(Codecs.listOf(Codecs.INT));

  @Test
  void dataAfterTheCommandIsDecodedOnceWithTheCommandsCodec() {
    Counting<Map<String, List<Integer>>> codec = new Counting<>(SCORES);
    Envelope envelope = Envelope.parse(
        "{\"cmd\":\"scores\",\"data\":{\"ann\":[1,2],\"bob\":[]},\"id\":4}", command -> codec);
    assertEquals(1, codec.reads, "decoded while the envelope was read");
    assertEquals(Map.of("ann", List.of(1, 2), "bob", List.of()), envelope.payload().read(codec));
    assertEquals(1, codec.reads, "and not again by the dispatcher");
    assertEquals(4L, envelope.id());
  }

  @Test
  void onlyTheCommandsOwnCodecIsAsked() {
    Counting<Map<String, List<Integer>>> codec = new Counting<>(SCORES);
    Envelope envelope = Envelope.parse(
        "{\"cmd\":\"scores\",\"data\":{\"ann\":[1]}}", command -> command.equals("other") ? codec : null);
    assertEquals(0, codec.reads);
    assertEquals(Map.of("ann", List.of(1)), envelope.payload().read(codec));
    assertEquals(1, codec.reads, "decoded afterwards, from the noted slice");
  }

  @Test
  void dataBeforeTheCommandIsDecodedAfterwardsAsBefore() {
    Counting<Map<String, List<Integer>>> codec = new Counting<>(SCORES);
    Envelope envelope = Envelope.parse("{\"data\":{\"ann\":[3]},\"cmd\":\"scores\"}", command -> codec);
    assertEquals(0, codec.reads, "the command was not known yet");
    assertEquals(Map.of("ann", List.of(3)), envelope.payload().read(codec));
  }

  @Test
  void aDecodingErrorIsTheCommandsAndTheIdAfterTheDataIsStillRead() {
    String message = "{\"cmd\":\"scores\",\"data\":{\"ann\":[1,\"two\",3],\"bob\":{\"deep\":[[{}]]}},\"id\":\"r9\"}";
    Envelope envelope = Envelope.parse(message, command -> SCORES);
    assertEquals("r9", envelope.id(), "the parse went on past the data to the id");
    assertEquals("scores", envelope.command());
    JsonDecodeException onTheWay = assertThrows(JsonDecodeException.class, () -> envelope.payload().read(SCORES));
    JsonDecodeException afterwards =
        assertThrows(JsonDecodeException.class, () -> Envelope.parse(message).payload().read(SCORES));
    assertEquals("$.ann[1]", onTheWay.path(), "relative to the data, as replies say it");
    assertEquals(afterwards.path(), onTheWay.path());
    assertEquals(afterwards.getMessage(), onTheWay.getMessage());
  }

  @Test
  void aRequiredValueMissingFromScalarDataIsReportedAtTheDataItself() {
    JsonDecodeException error = assertThrows(JsonDecodeException.class,
        () -> Envelope.parse("{\"cmd\":\"n\",\"data\":\"many\",\"id\":1}", command -> Codecs.INT)
            .payload().read(Codecs.INT));
    assertEquals("$", error.path());
    assertTrue(error.getMessage().startsWith("$: expected an integer"), error.getMessage());
  }

  @Test
  void scalarDataIsDecodedAndStillReadsAsText() {
    Envelope envelope = Envelope.parse("{\"cmd\":\"price\",\"data\":1.50}", command -> Codecs.BIG_DECIMAL);
    assertEquals(new BigDecimal("1.50"), envelope.payload().read(Codecs.BIG_DECIMAL));
    assertEquals("1.50", envelope.payload().text(), "a String parameter takes it as written");
  }

  @Test
  void anotherCodecDecodesTheNotedSlice() {
    Envelope envelope = Envelope.parse("{\"cmd\":\"scores\",\"data\":{\"ann\":[1]}}", command -> SCORES);
    assertEquals(Map.of("ann", List.of(new BigDecimal("1"))),
        envelope.payload().read(Codecs.mapOf(Codecs.listOf(Codecs.BIG_DECIMAL))));
  }

  @Test
  void malformedJsonInsideTheDataIsStillTheEnvelopesFault() {
    String message = "{\"cmd\":\"scores\",\"id\":3,\"data\":{\"ann\":[1,,2]}}";
    MalformedEnvelopeException onTheWay =
        assertThrows(MalformedEnvelopeException.class, () -> Envelope.parse(message, command -> SCORES));
    MalformedEnvelopeException afterwards =
        assertThrows(MalformedEnvelopeException.class, () -> Envelope.parse(message));
    assertEquals(afterwards.getMessage(), onTheWay.getMessage());
    assertEquals(3L, onTheWay.id());
  }

  @Test
  void aNumberBeyondTheLimitsIsStillTheEnvelopesFault() {
    String message = "{\"cmd\":\"scores\",\"id\":5,\"data\":{\"ann\":[" + "9".repeat(300) + "]}}";
    MalformedEnvelopeException onTheWay =
        assertThrows(MalformedEnvelopeException.class, () -> Envelope.parse(message, command -> SCORES));
    MalformedEnvelopeException afterwards =
        assertThrows(MalformedEnvelopeException.class, () -> Envelope.parse(message));
    assertEquals(afterwards.getMessage(), onTheWay.getMessage());
    assertTrue(onTheWay.getMessage().startsWith("JSON beyond limits"), onTheWay.getMessage());
  }

  @Test
  void aCodecThatStopsShortOfTheEndOfTheDataDoesNotDerailTheEnvelope() {
    JsonCodec<Integer> firstMemberOnly = new JsonCodec<>() {
      @Override
      public Integer read(JsonParser parser) throws IOException {
        parser.nextToken(); // the first member's name
        parser.nextToken();
        return parser.getIntValue(); // and the rest of the object left unread
      }

      @Override
      public void write(JsonGenerator generator, Integer value) throws IOException {
        generator.writeNumber(value);
      }
    };
    Envelope envelope = Envelope.parse(
        "{\"cmd\":\"n\",\"data\":{\"a\":1,\"b\":{\"c\":[2]}},\"id\":8}", command -> firstMemberOnly);
    assertEquals(1, envelope.payload().read(firstMemberOnly));
    assertEquals(8L, envelope.id());
  }

  @Test
  void aNumberOutOfRangeForAHandWrittenCodecIsTheCommandsErrorAndKeepsTheId() {
    JsonCodec<Integer> plainInt = new JsonCodec<>() {
      @Override
      public Integer read(JsonParser parser) throws IOException {
        return parser.getIntValue();
      }

      @Override
      public void write(JsonGenerator generator, Integer value) throws IOException {
        generator.writeNumber(value);
      }
    };
    Envelope envelope = Envelope.parse("{\"cmd\":\"add\",\"data\":3000000000,\"id\":7}", command -> plainInt);
    assertEquals(7L, envelope.id());
    JsonDecodeException error = assertThrows(JsonDecodeException.class, () -> envelope.payload().read(plainInt));
    assertEquals("$", error.path());
  }
}
