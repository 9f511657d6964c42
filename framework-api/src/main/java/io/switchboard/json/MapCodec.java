package io.switchboard.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A JSON object ⇄ a {@code Map<String, V>}, keeping the members' order. */
final class MapCodec<V> implements JsonCodec<Map<String, V>> {

  private final JsonCodec<V> value;

  MapCodec(JsonCodec<V> value) {
    this.value = value;
  }

  @Override
  public Map<String, V> read(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.START_OBJECT) {
      throw JsonDecodeException.expected(parser, "an object");
    }
    Map<String, V> map = new LinkedHashMap<>();
    String key;
    while ((key = parser.nextFieldName()) != null) {
      parser.nextToken();
      map.put(key, value.read(parser));
    }
    return Collections.unmodifiableMap(map);
  }

  @Override
  public void write(JsonGenerator generator, Map<String, V> map) throws IOException {
    if (map == null) {
      generator.writeNull();
      return;
    }
    generator.writeStartObject();
    for (Map.Entry<String, V> entry : map.entrySet()) {
      generator.writeFieldName(entry.getKey());
      value.write(generator, entry.getValue());
    }
    generator.writeEndObject();
  }
}
