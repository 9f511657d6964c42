package io.switchboard.processor;

import static io.switchboard.processor.JsonSchemas.ordered;

import com.palantir.javapoet.ClassName;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes {@code META-INF/switchboard/asyncapi.json}, an AsyncAPI 3.0 document of a compilation's
 * endpoints: a channel per endpoint (its path; a template's names become channel parameters), an
 * operation per command (the server receives the request and replies with data, an
 * acknowledgement or an error) and per declared event (the server sends it), and a schema per
 * message type. Messages are the JSON envelopes of {@code docs/protocol.md}, whole.
 */
final class AsyncApiWriter {

  private static final String SCHEMAS = "#/components/schemas/";

  private final Contract contract;
  private final Map<ClassName, String> names;
  private final JsonSchemas schemas;

  private AsyncApiWriter(Contract contract) {
    this.contract = contract;
    this.names = contract.names();
    this.schemas = new JsonSchemas(names, SCHEMAS);
  }

  /** The document as JSON text. */
  static String write(Contract contract, String title, String version) {
    return JsonTrees.write(new AsyncApiWriter(contract).document(title, version));
  }

  private Map<String, Object> document(String title, String version) {
    Map<String, Object> channels = new LinkedHashMap<>();
    Map<String, Object> operations = new LinkedHashMap<>();
    Set<String> channelIds = new HashSet<>();
    for (EndpointModel endpoint : contract.endpoints()) {
      String channel = Identifiers.unique(Identifiers.of(endpoint.path()), channelIds);
      Map<String, Object> messages = new LinkedHashMap<>();
      Set<String> messageIds = new HashSet<>();
      for (CommandModel command : endpoint.commands()) {
        String id = Identifiers.unique(Identifiers.of(command.name()), messageIds);
        messages.put(id + ".request", message(command.name(), "request", command.description(), request(command)));
        messages.put(id + ".reply", message(command.name(), "reply", "", reply(command)));
        messages.put(id + ".error", message(command.name(), "error", "", error(command)));
        Map<String, Object> operation = ordered("action", "receive", "channel", channelRef(channel), "title", command.name());
        putIfPresent(operation, "description", command.description());
        operation.put("messages", List.of(messageRef(channel, id + ".request")));
        operation.put("reply", ordered("channel", channelRef(channel),
            "messages", List.of(messageRef(channel, id + ".reply"), messageRef(channel, id + ".error"))));
        operations.put(channel + "." + id, operation);
      }
      for (EventModel event : endpoint.events()) {
        String id = "event." + Identifiers.unique(Identifiers.of(event.name()), messageIds);
        messages.put(id, message(event.name(), "event", event.description(), push(event)));
        Map<String, Object> operation = ordered("action", "send", "channel", channelRef(channel), "title", event.name());
        putIfPresent(operation, "description", event.description());
        operation.put("messages", List.of(messageRef(channel, id)));
        operations.put(channel + "." + id, operation);
      }
      Map<String, Object> channelObject = ordered("address", endpoint.path(), "title", endpoint.endpoint().simpleName());
      putIfPresent(channelObject, "description", endpoint.description());
      Map<String, Object> parameters = new LinkedHashMap<>();
      PathTemplate.of(endpoint.path()).ifPresent(template -> template.names().forEach(name ->
          parameters.put(name, ordered("description", "the {" + name + "} segment of the path"))));
      if (!parameters.isEmpty()) {
        channelObject.put("parameters", parameters);
      }
      channelObject.put("messages", messages);
      channels.put(channel, channelObject);
    }
    Map<String, Object> components = new LinkedHashMap<>();
    for (Map.Entry<ClassName, String> type : names.entrySet()) {
      CodecModel model = contract.types().get(type.getKey());
      components.put(type.getValue(), model == null
          ? JsonSchemas.opaque(type.getKey())
          : schemas.definition(model, contract.descriptions().getOrDefault(type.getKey(), "")));
    }
    return ordered(
        "asyncapi", "3.0.0",
        "info", ordered("title", title, "version", version,
            "description", "The WebSocket endpoints of " + title + ", as the Switchboard processor compiled them."
                + " Each message is one text frame in the JSON envelope form."),
        "defaultContentType", "application/json",
        "channels", channels,
        "operations", operations,
        "components", ordered("schemas", components));
  }

  private Map<String, Object> request(CommandModel command) {
    Map<String, Object> properties = ordered(
        "cmd", ordered("const", command.name()),
        "id", ordered("type", List.of("number", "string"), "description", "echoed as re in the reply"));
    ContractShapes.request(command).ifPresent(payload -> properties.put("data", schemas.of(payload)));
    return ordered("type", "object", "required", List.of("cmd"), "properties", properties);
  }

  private Map<String, Object> reply(CommandModel command) {
    Map<String, Object> properties = ordered(
        "re", ordered("type", List.of("number", "string"), "description", "the request's id"),
        "cmd", ordered("const", command.name()));
    Optional<CodecRef> reply = ContractShapes.reply(command);
    reply.ifPresent(payload -> properties.put("data", schemas.of(payload)));
    List<String> required = new ArrayList<>(List.of("cmd"));
    reply.ifPresent(payload -> required.add("data"));
    Map<String, Object> schema = ordered("type", "object", "required", required, "properties", properties);
    if (reply.isEmpty()) {
      schema.put("description", "an acknowledgement, sent when the request had an id");
    }
    return schema;
  }

  private static Map<String, Object> error(CommandModel command) {
    Map<String, Object> code = ordered("type", "string",
        "description", "bad_request, unknown_command or internal, or a code the handler throws with WsException",
        "examples", ContractShapes.FRAMEWORK_ERRORS);
    Map<String, Object> error = ordered("type", "object", "required", List.of("code", "message"), "properties", ordered(
        "code", code,
        "message", ordered("type", "string"),
        "path", ordered("type", "string", "description", "where in data the fault is, for bad_request: $.items[2].price")));
    return ordered("type", "object", "required", List.of("cmd", "error"), "properties", ordered(
        "re", ordered("type", List.of("number", "string")),
        "cmd", ordered("const", command.name()),
        "error", error));
  }

  private Map<String, Object> push(EventModel event) {
    return ordered("type", "object", "required", List.of("event", "data"), "properties", ordered(
        "event", ordered("const", event.name()),
        "data", schemas.of(event.payload())));
  }

  private static Map<String, Object> message(String name, String kind, String description, Map<String, Object> payload) {
    Map<String, Object> message = ordered("name", name, "title", name + " " + kind);
    putIfPresent(message, "description", description);
    message.put("payload", payload);
    return message;
  }

  private static Map<String, Object> channelRef(String channel) {
    return ordered("$ref", "#/channels/" + channel);
  }

  private static Map<String, Object> messageRef(String channel, String message) {
    return ordered("$ref", "#/channels/" + channel + "/messages/" + message);
  }

  private static void putIfPresent(Map<String, Object> map, String key, String text) {
    if (!text.isEmpty()) {
      map.put(key, text);
    }
  }
}
