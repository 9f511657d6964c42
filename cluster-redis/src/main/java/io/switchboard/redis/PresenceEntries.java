package io.switchboard.redis;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.switchboard.PresenceEntry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A presence entry as stored in its node's hash: the field is {@code endpoint + "\n" + session id},
 * the value {@code {"rooms":[…],"attributes":{…}}}.
 */
final class PresenceEntries {

  private static final JsonFactory JSON = new JsonFactory();

  private PresenceEntries() {}

  static String field(String endpoint, String sessionId) {
    return endpoint + "\n" + sessionId;
  }

  static byte[] value(PresenceEntry entry) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64);
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeArrayFieldStart("rooms");
      for (String room : entry.rooms()) {
        json.writeString(room);
      }
      json.writeEndArray();
      json.writeObjectFieldStart("attributes");
      for (Map.Entry<String, String> attribute : entry.attributes().entrySet()) {
        json.writeStringField(attribute.getKey(), attribute.getValue());
      }
      json.writeEndObject();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The entry of {@code field}, or null if the field is not a session's (the node's marker). */
  static Decoded decode(String node, String field, byte[] value) {
    int newline = field.indexOf('\n');
    if (newline < 0) {
      return null;
    }
    Set<String> rooms = new HashSet<>();
    Map<String, String> attributes = new LinkedHashMap<>();
    try (JsonParser json = JSON.createParser(value)) {
      expect(json.nextToken(), JsonToken.START_OBJECT);
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String name = json.currentName();
        JsonToken token = json.nextToken();
        if (name.equals("rooms") && token == JsonToken.START_ARRAY) {
          while (json.nextToken() == JsonToken.VALUE_STRING) {
            rooms.add(json.getText());
          }
        } else if (name.equals("attributes") && token == JsonToken.START_OBJECT) {
          while (json.nextToken() == JsonToken.FIELD_NAME) {
            String key = json.currentName();
            json.nextToken();
            attributes.put(key, json.getText());
          }
        } else {
          json.skipChildren();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("bad presence entry " + field + " of node " + node, e);
    }
    return new Decoded(
        field.substring(0, newline),
        new PresenceEntry(field.substring(newline + 1), node, rooms, attributes));
  }

  /** An entry and the endpoint it belongs to. */
  record Decoded(String endpoint, PresenceEntry entry) {}

  private static void expect(JsonToken actual, JsonToken expected) throws IOException {
    if (actual != expected) {
      throw new IOException("expected " + expected + ", got " + actual);
    }
  }
}
