package io.switchboard.processor;

import com.palantir.javapoet.ClassName;

/** The names of the API types the processor reads and generated code uses. */
final class Names {

  private Names() {}

  static final String API = "io.switchboard";
  static final String SPI = "io.switchboard.spi";
  static final String JSON = "io.switchboard.json";

  /**
   * Whether a package is one of the framework's own. Exact names, not a prefix: an application's
   * {@code io.switchboard.demo} types are ordinary payloads.
   */
  static boolean isFrameworkPackage(String packageName) {
    return packageName.equals(API) || packageName.equals(SPI) || packageName.equals(JSON);
  }

  static final String WS_ENDPOINT = API + ".WsEndpoint";
  static final String WS_COMMAND = API + ".WsCommand";
  static final String ON_OPEN = API + ".OnOpen";
  static final String ON_CLOSE = API + ".OnClose";
  static final String ON_ERROR = API + ".OnError";
  static final String ON_BINARY = API + ".OnBinary";
  static final String ON_TEXT = API + ".OnText";
  static final String EVERY = API + ".Every";
  static final String NON_BLOCKING = API + ".NonBlocking";
  static final String PATH_PARAM = API + ".PathParam";
  static final String WS_MESSAGE = API + ".WsMessage";
  static final String EVENT = API + ".Event";
  static final String JSON_PROPERTY = "com.fasterxml.jackson.annotation.JsonProperty";
  static final String JSON_IGNORE = "com.fasterxml.jackson.annotation.JsonIgnore";

  static final ClassName WS_SESSION = ClassName.get(API, "WsSession");
  static final ClassName BROADCASTER = ClassName.get(API, "Broadcaster");
  static final ClassName SESSIONS = ClassName.get(API, "Sessions");
  static final ClassName ROOMS = ClassName.get(API, "Rooms");
  static final ClassName PRESENCE = ClassName.get(API, "Presence");
  static final ClassName EVERY_SCOPE = ClassName.get(API, "Every", "Scope");
  static final ClassName ENDPOINT_INFO = ClassName.get(API, "EndpointInfo");
  static final ClassName CLOSE_REASON = ClassName.get(API, "CloseReason");
  static final ClassName COMMAND_INFO = ClassName.get(API, "CommandInfo");
  static final ClassName WS_EXCEPTION = ClassName.get(API, "WsException");

  static final ClassName ENDPOINT_DISPATCHER = ClassName.get(SPI, "EndpointDispatcher");
  static final ClassName HANDLER_CONTEXT = ClassName.get(SPI, "HandlerContext");
  static final ClassName PAYLOAD = ClassName.get(SPI, "Payload");
  static final ClassName DISPATCH_RESULT = ClassName.get(SPI, "DispatchResult");
  static final ClassName SCHEDULED_METHOD = ClassName.get(SPI, "ScheduledMethod");
  static final ClassName PATH_PARAMS = ClassName.get(SPI, "PathParams");

  static final ClassName JSON_CODEC = ClassName.get(JSON, "JsonCodec");
  static final ClassName CODECS = ClassName.get(JSON, "Codecs");
  static final ClassName CODEC_PROVIDER = ClassName.get(JSON, "CodecProvider");
  static final ClassName JSON_DECODE_EXCEPTION = ClassName.get(JSON, "JsonDecodeException");
  static final ClassName JSON_NODE_CODEC = ClassName.get(JSON, "JsonNodeCodec");

  static final ClassName JSON_PARSER = ClassName.get("com.fasterxml.jackson.core", "JsonParser");
  static final ClassName JSON_GENERATOR = ClassName.get("com.fasterxml.jackson.core", "JsonGenerator");
  static final ClassName JSON_TOKEN = ClassName.get("com.fasterxml.jackson.core", "JsonToken");
  static final ClassName SERIALIZED_STRING =
      ClassName.get("com.fasterxml.jackson.core.io", "SerializedString");

  static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
  static final String PROCESSOR = "io.switchboard.processor.SwitchboardProcessor";

  /** {@code Outer.Inner} + suffix → {@code Outer_Inner<suffix>} in the same package. */
  static ClassName generatedName(ClassName type, String suffix) {
    return ClassName.get(type.packageName(), String.join("_", type.simpleNames()) + suffix);
  }

  /** {@code firstName} → {@code FIRST_NAME}, for constants named after members and types. */
  static String upperSnake(String name) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isUpperCase(c) && i > 0 && !Character.isUpperCase(name.charAt(i - 1))) {
        out.append('_');
      }
      out.append(Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : '_');
    }
    return out.toString();
  }
}
