package io.switchboard.undertow.dispatch;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.switchboard.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the cluster keeps of an away session for another node to take it over: its rooms with
 * their join offsets, its presence attributes (null if it was not tracked), its claims, and those
 * of its own attributes whose values are strings (the others may be any object, and stay behind).
 *
 * <pre>{@code {"rooms":{"lobby":12},"presence":{"name":"ann"},"claims":{"name":"ann"},
 *   "attributes":{"name":"ann","room":"lobby"}}}</pre>
 */
record AwayRecord(
    Map<String, Long> rooms,
    Map<String, String> presence,
    Map<String, String> claims,
    Map<String, String> attributes) {

  /** The attributes of a session that a record carries: those whose values are strings. */
  static Map<String, String> stringsOf(Map<String, Object> attributes) {
    Map<String, String> strings = new LinkedHashMap<>();
    attributes.forEach(
        (key, value) -> {
          if (value instanceof String text) {
            strings.put(key, text);
          }
        });
    return strings;
  }

  byte[] encode() {
    return Json.writeBytes(
        generator -> {
          generator.writeStartObject();
          generator.writeObjectFieldStart("rooms");
          for (Map.Entry<String, Long> room : rooms.entrySet()) {
            generator.writeNumberField(room.getKey(), room.getValue());
          }
          generator.writeEndObject();
          if (presence != null) {
            writeStrings(generator, "presence", presence);
          }
          writeStrings(generator, "claims", claims);
          writeStrings(generator, "attributes", attributes);
          generator.writeEndObject();
        });
  }

  private static void writeStrings(
      com.fasterxml.jackson.core.JsonGenerator generator, String name, Map<String, String> values)
      throws IOException {
    generator.writeObjectFieldStart(name);
    for (Map.Entry<String, String> value : values.entrySet()) {
      generator.writeStringField(value.getKey(), value.getValue());
    }
    generator.writeEndObject();
  }

  static AwayRecord decode(byte[] json) {
    Map<String, Long> rooms = new LinkedHashMap<>();
    Map<String, String> presence = null;
    Map<String, String> claims = new LinkedHashMap<>();
    Map<String, String> attributes = new LinkedHashMap<>();
    try (JsonParser parser = Json.FACTORY.createParser(json)) {
      expect(parser.nextToken(), JsonToken.START_OBJECT);
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        expect(parser.nextToken(), JsonToken.START_OBJECT);
        Map<String, String> strings = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String key = parser.currentName();
          parser.nextToken();
          if (field.equals("rooms")) {
            rooms.put(key, parser.getLongValue());
          } else {
            strings.put(key, parser.getText());
          }
        }
        switch (field) {
          case "presence" -> presence = strings;
          case "claims" -> claims = strings;
          case "attributes" -> attributes = strings;
          default -> {} // a later version's: ignored
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new AwayRecord(rooms, presence, claims, attributes);
  }

  private static void expect(JsonToken token, JsonToken expected) throws IOException {
    if (token != expected) {
      throw new IOException("away session record: expected " + expected + ", found " + token);
    }
  }
}
