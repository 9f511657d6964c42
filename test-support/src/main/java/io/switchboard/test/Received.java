package io.switchboard.test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One message from the server, classified once on arrival: a server push {@code {"event":…}}, a
 * reply envelope {@code {"re":…}}, any other text (a text-line reply), or a binary message.
 *
 * @param text the text, or null for a binary message
 * @param json the text parsed, when it is a JSON object; else null
 * @param binary the bytes of a binary message, or null
 */
record Received(String text, JsonNode json, byte[] binary) {

  static Received text(String text, ObjectMapper mapper) {
    return new Received(text, parseObject(text, mapper), null);
  }

  static Received binary(byte[] bytes) {
    return new Received(null, null, bytes);
  }

  boolean isBinary() {
    return binary != null;
  }

  boolean isEvent(String event) {
    return json != null
        && json.path("event").isTextual()
        && json.get("event").asText().equals(event);
  }

  boolean isAnyEvent() {
    return json != null && json.path("event").isTextual();
  }

  boolean isReplyTo(long id) {
    return json != null && json.path("re").canConvertToLong() && json.get("re").asLong() == id;
  }

  boolean isReply() {
    return json != null && json.has("re");
  }

  /** An error reply, with or without {@code re}: {@code {"cmd":…,"error":{"code":…}}}. */
  boolean isError() {
    return json != null && json.path("error").isObject() && json.has("cmd");
  }

  private static JsonNode parseObject(String text, ObjectMapper mapper) {
    if (!text.stripLeading().startsWith("{")) {
      return null;
    }
    try {
      JsonNode node = mapper.readTree(text);
      return node.isObject() ? node : null;
    } catch (JsonProcessingException e) {
      return null; // not JSON after all: an ordinary text message
    }
  }

  @Override
  public String toString() {
    if (isBinary()) {
      return "binary[" + binary.length + " bytes]";
    }
    return text.length() <= 200 ? text : text.substring(0, 200) + "…";
  }
}
