package io.switchboard.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;

/**
 * A free-form {@link JsonNode}, for handlers that take or return JSON of no fixed shape. The only
 * class of the API that needs jackson-databind (an optional dependency): generated code refers to
 * it only for a {@code JsonNode} in a handler or message, so apps that never use one never load it.
 */
public final class JsonNodeCodec implements JsonCodec<JsonNode> {

  /** The codec; reading builds the tree with a plain {@link ObjectMapper}, no bean binding. */
  public static final JsonNodeCodec INSTANCE = new JsonNodeCodec();

  private static final ObjectMapper MAPPER = new ObjectMapper(Json.FACTORY.copy());

  private JsonNodeCodec() {}

  @Override
  public JsonNode read(JsonParser parser) throws IOException {
    if (parser.currentToken() == JsonToken.VALUE_NULL) {
      return NullNode.getInstance();
    }
    return MAPPER.readTree(parser);
  }

  @Override
  public void write(JsonGenerator generator, JsonNode value) throws IOException {
    if (value == null) {
      generator.writeNull();
    } else {
      MAPPER.writeTree(generator, value);
    }
  }
}
