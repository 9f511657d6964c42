package io.switchboard.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * A JSON array ⇄ a collection (list, set) or an array, through a growable list of elements.
 *
 * @param <C> the Java container
 * @param <E> its element type
 */
final class CollectionCodec<C, E> implements JsonCodec<C> {

  /** Writes every element of a container with the element codec. */
  interface ElementWriter<C, E> {
    void writeElements(C container, JsonCodec<E> element, JsonGenerator generator) throws IOException;
  }

  private final JsonCodec<E> element;
  private final Function<List<E>, C> finisher;
  private final ElementWriter<C, E> writer;

  CollectionCodec(JsonCodec<E> element, Function<List<E>, C> finisher, ElementWriter<C, E> writer) {
    this.element = element;
    this.finisher = finisher;
    this.writer = writer;
  }

  /** A codec for a {@link Collection} type, written in iteration order. */
  static <C extends Collection<E>, E> CollectionCodec<C, E> of(
      JsonCodec<E> element, Function<List<E>, C> finisher) {
    return new CollectionCodec<>(
        element,
        finisher,
        (values, codec, generator) -> {
          for (E value : values) {
            codec.write(generator, value);
          }
        });
  }

  @Override
  public C read(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.START_ARRAY) {
      throw JsonDecodeException.expected(parser, "an array");
    }
    List<E> values = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      values.add(element.read(parser));
    }
    return finisher.apply(values);
  }

  @Override
  public void write(JsonGenerator generator, C value) throws IOException {
    if (value == null) {
      generator.writeNull();
      return;
    }
    generator.writeStartArray();
    writer.writeElements(value, element, generator);
    generator.writeEndArray();
  }

  /**
   * A text-line argument is either a JSON array or whitespace-separated elements, each read as
   * its own argument: {@code sum 1 2 3}.
   */
  @Override
  public C fromText(String text) throws IOException {
    String argument = text.strip();
    if (argument.startsWith("[")) {
      return Json.readValue(this, argument);
    }
    List<E> values = new ArrayList<>();
    for (String word : argument.split("\\s+")) {
      try {
        values.add(element.fromText(word));
      } catch (JsonDecodeException e) {
        throw e.withPath("$[" + values.size() + "]");
      }
    }
    return finisher.apply(values);
  }
}
