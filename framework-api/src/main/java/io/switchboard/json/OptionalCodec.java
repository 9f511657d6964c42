package io.switchboard.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code Optional<T>}: empty is JSON {@code null} or an absent member/payload; anything else is
 * the value read with the element codec.
 */
final class OptionalCodec<T> implements JsonCodec<Optional<T>> {

  private final JsonCodec<T> element;

  OptionalCodec(JsonCodec<T> element) {
    this.element = element;
  }

  @Override
  public Optional<T> read(JsonParser parser) throws IOException {
    if (parser.currentToken() == JsonToken.VALUE_NULL) {
      return Optional.empty();
    }
    return Optional.ofNullable(element.read(parser));
  }

  @Override
  public void write(JsonGenerator generator, Optional<T> value) throws IOException {
    if (value == null || value.isEmpty()) {
      generator.writeNull();
    } else {
      element.write(generator, value.get());
    }
  }

  @Override
  public Optional<T> fromText(String text) throws IOException {
    return Optional.ofNullable(element.fromText(text));
  }

  @Override
  public Optional<T> absent() {
    return Optional.empty();
  }
}
