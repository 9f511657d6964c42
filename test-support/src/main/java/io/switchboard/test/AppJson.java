package io.switchboard.test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.switchboard.json.CodecRegistry;
import io.switchboard.json.Json;
import io.switchboard.json.JsonCodec;
import java.io.IOException;

/**
 * JSON as the app sees it: the test client writes payloads and reads replies with the app's own
 * codecs (the generated ones and the built-ins) where there is one for the type, and with Jackson
 * databind otherwise. Numbers stay exact both ways: {@code 12.50} keeps its scale, {@code 2E+2}
 * its exponent, {@code 12345678901234567.89} every digit, because a money app must be able to
 * trust its tests.
 */
final class AppJson {

  /**
   * Databind for what no codec knows (a {@code Map}, a test-only record) and for the tree a test
   * reads. Its defaults would change numbers: decimals as doubles, and trees that strip trailing
   * zeros ({@code 20} became {@code 2E+1}).
   */
  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .build();

  private AppJson() {}

  /** The JSON text of a payload, through the app's codec for its class if there is one. */
  static String write(Object value) {
    if (!(value instanceof JsonNode)) {
      try {
        return Json.writeString(Registry.INSTANCE.forValue(value), value);
      } catch (IllegalArgumentException noCodec) {
        // No codec for the value or for something inside it: databind knows more shapes.
      }
    }
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON", e);
    }
  }

  /**
   * A reply or push read as {@code type}: with the app's codec for it, so that it decodes exactly
   * as the server would decode the same JSON, else with databind.
   */
  static <T> T read(JsonNode data, Class<T> type) {
    JsonCodec<T> codec = Registry.INSTANCE.find(type);
    try {
      if (codec != null) {
        return Json.readValue(codec, data.isMissingNode() ? "null" : data.toString());
      }
      return MAPPER.treeToValue(data, type);
    } catch (IOException e) {
      throw new AssertionError("cannot read " + data + " as " + type.getName() + ": " + e.getMessage(), e);
    }
  }

  /** Loaded on first use: every codec the app's processor generated, found as the runtime does. */
  private static final class Registry {
    static final CodecRegistry INSTANCE =
        CodecRegistry.load(Thread.currentThread().getContextClassLoader());
  }
}
