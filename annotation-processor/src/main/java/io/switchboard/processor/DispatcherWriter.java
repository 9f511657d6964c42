package io.switchboard.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import io.switchboard.processor.HandlerCall.Argument;
import io.switchboard.processor.HandlerCall.Returns;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <Endpoint>_Dispatcher}: a {@code switch} on the command name that calls each
 * handler directly with its decoded payload and context, plus the lifecycle, raw text/binary and
 * scheduled calls, and the listings the runtime serves ({@code commands()}, {@code scheduled()}).
 */
final class DispatcherWriter {

  private static final TypeName COMMAND_LIST = ParameterizedTypeName.get(ClassName.get(List.class), Names.COMMAND_INFO);
  private static final TypeName SCHEDULED_LIST = ParameterizedTypeName.get(ClassName.get(List.class), Names.SCHEDULED_METHOD);
  private static final TypeName STRING_LIST =
      ParameterizedTypeName.get(ClassName.get(List.class), ClassName.get(String.class));

  private final EndpointModel model;
  private final CodecExpressions codecs = new CodecExpressions(null);

  private DispatcherWriter(EndpointModel model) {
    this.model = model;
  }

  static TypeSpec write(EndpointModel model) {
    return new DispatcherWriter(model).type();
  }

  private TypeSpec type() {
    ClassName endpoint = model.endpoint();
    TypeSpec.Builder type = TypeSpec.classBuilder(model.dispatcher())
        .addJavadoc("Dispatches the commands of {@link $T} to its methods; generated from its annotations.\n", endpoint)
        .addAnnotation(AnnotationSpec.builder(Names.GENERATED).addMember("value", "$S", Names.PROCESSOR).build())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(ParameterizedTypeName.get(Names.ENDPOINT_DISPATCHER, endpoint));

    type.addField(commandsField());
    if (!model.scheduled().isEmpty()) {
      type.addField(scheduledField());
    }
    // Built first so that the codec constants they use are known when the fields are added.
    List<MethodSpec> methods = List.of(
        simple("endpointType", ParameterizedTypeName.get(ClassName.get(Class.class), endpoint), CodeBlock.of("return $T.class", endpoint)),
        simple("path", ClassName.get(String.class), CodeBlock.of("return $S", model.path())),
        simple("subprotocols", STRING_LIST, subprotocols()),
        simple("commands", COMMAND_LIST, CodeBlock.of("return COMMANDS")),
        newEndpoint());
    type.addMethods(methods);
    type.addMethod(dispatch());
    payloadCodec().ifPresent(type::addMethod);
    if (!model.pathParams().isEmpty()) {
      type.addMethod(checkPathParams());
    }
    handler(type, model.onOpen(), "handlesOpen", this::onOpen);
    handler(type, model.onClose(), "handlesClose", this::onClose);
    handler(type, model.onError(), "handlesErrors", this::onError);
    handler(type, model.onText(), "handlesRawText", this::onText);
    handler(type, model.onBinary(), "handlesBinary", this::onBinary);
    if (!model.nonBlocking().isEmpty()) {
      type.addMethod(nonBlockingHandlers());
    }
    if (!model.scheduled().isEmpty()) {
      type.addMethod(simple("scheduled", SCHEDULED_LIST, CodeBlock.of("return SCHEDULED")));
      type.addMethod(runScheduled());
    }
    for (FieldSpec field : codecs.fields()) {
      type.addField(field.toBuilder().addModifiers(Modifier.PRIVATE).build());
    }
    return type.build();
  }

  private FieldSpec commandsField() {
    CodeBlock.Builder list = CodeBlock.builder().add("$T.of(", List.class);
    if (!model.commands().isEmpty()) {
      list.add("\n$>$>");
      for (int i = 0; i < model.commands().size(); i++) {
        CommandModel command = model.commands().get(i);
        list.add("new $T($S, $S, $S, $L, $S)", Names.COMMAND_INFO, command.name(), command.call().description(),
            command.payloadName(), command.nonBlocking(), command.argument());
        list.add(i + 1 < model.commands().size() ? ",\n" : "$<$<");
      }
    }
    list.add(")");
    return FieldSpec.builder(COMMAND_LIST, "COMMANDS", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer(list.build())
        .build();
  }

  private FieldSpec scheduledField() {
    CodeBlock.Builder list = CodeBlock.builder().add("$T.of(\n$>$>", List.class);
    for (int i = 0; i < model.scheduled().size(); i++) {
      ScheduledModel scheduled = model.scheduled().get(i);
      list.add("new $T($S, $LL, $T.$L)", Names.SCHEDULED_METHOD, scheduled.call().description(),
          scheduled.periodMillis(), Names.EVERY_SCOPE, scheduled.scope());
      list.add(i + 1 < model.scheduled().size() ? ",\n" : "$<$<");
    }
    list.add(")");
    return FieldSpec.builder(SCHEDULED_LIST, "SCHEDULED", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer(list.build())
        .build();
  }

  private CodeBlock subprotocols() {
    String arguments = model.subprotocols().stream().map(p -> CodeBlock.of("$S", p).toString()).collect(Collectors.joining(", "));
    return CodeBlock.of("return $T.of($L)", List.class, arguments);
  }

  private MethodSpec newEndpoint() {
    MethodSpec.Builder method = override("newEndpoint").returns(model.endpoint());
    if (model.instantiable()) {
      method.addStatement("return new $T()", model.endpoint());
    } else {
      method.addStatement("throw new $T($S)", UnsupportedOperationException.class,
          model.endpoint().simpleName() + " has no accessible no-argument constructor: register an instance or a factory with the server");
    }
    return method.build();
  }

  private MethodSpec dispatch() {
    MethodSpec.Builder method = override("dispatch")
        .returns(Names.DISPATCH_RESULT)
        .addParameter(model.endpoint(), "endpoint")
        .addParameter(String.class, "command")
        .addParameter(Names.PAYLOAD, "payload")
        .addParameter(Names.HANDLER_CONTEXT, "context")
        .addException(Exception.class);
    if (model.commands().isEmpty()) {
      return method.addStatement("throw $T.unknownCommand(command)", Names.WS_EXCEPTION).build();
    }
    CodeBlock.Builder body = CodeBlock.builder().add("return switch (command) {\n$>");
    for (CommandModel command : model.commands()) {
      HandlerCall call = command.call();
      body.add("// $L\n", call.description());
      CodeBlock invocation = invocation(call);
      Returns returns = call.returns();
      if (returns instanceof HandlerCall.ReturnsVoid) {
        body.add("case $S -> {\n$>", command.name())
            .addStatement("$L", invocation)
            .addStatement("yield $T.none()", Names.DISPATCH_RESULT)
            .add("$<}\n");
      } else {
        body.add("case $S -> $L;\n", command.name(), result(invocation, returns));
      }
    }
    body.add("default -> throw $T.unknownCommand(command);\n", Names.WS_EXCEPTION);
    body.add("$<};\n");
    return method.addCode(body.build()).build();
  }

  /**
   * The codec each command decodes its payload with, the same expression {@code dispatch} passes
   * to {@code payload.read}: the runtime decodes a JSON {@code data} with it while reading the
   * envelope. None for an endpoint whose commands take no decoded payload.
   */
  private Optional<MethodSpec> payloadCodec() {
    CodeBlock.Builder cases = CodeBlock.builder();
    for (CommandModel command : model.commands()) {
      for (Argument argument : command.call().arguments()) {
        if (argument instanceof HandlerCall.PayloadDecoded decoded) {
          cases.add("case $S -> $L;\n", command.name(), codecs.of(decoded.codec()));
        }
      }
    }
    if (cases.isEmpty()) {
      return Optional.empty();
    }
    CodeBlock body = CodeBlock.builder()
        .add("return switch (command) {\n$>")
        .add(cases.build())
        .add("default -> null;\n")
        .add("$<};\n")
        .build();
    return Optional.of(override("payloadCodec")
        .returns(ParameterizedTypeName.get(Names.JSON_CODEC, WildcardTypeName.subtypeOf(Object.class)))
        .addParameter(String.class, "command")
        .addCode(body)
        .build());
  }

  /** Converts each typed path parameter once, as its handlers will: a failure is a 404. */
  private MethodSpec checkPathParams() {
    MethodSpec.Builder method = override("checkPathParams")
        .addParameter(ParameterizedTypeName.get(Map.class, String.class, String.class), "values")
        .addException(IOException.class);
    for (HandlerCall.PathParamArgument param : model.pathParams()) {
      method.addStatement("$T.check(values, $S, $L)", Names.PATH_PARAMS, param.name(), codecs.of(param.codec()));
    }
    return method.build();
  }

  /** {@code DispatchResult.value(endpoint.hello(), Codecs.STRING)} and friends. */
  private CodeBlock result(CodeBlock invocation, Returns returns) {
    if (returns instanceof HandlerCall.ReturnsValue value) {
      return CodeBlock.of("$T.value($L,$W$L)", Names.DISPATCH_RESULT, invocation, codecs.of(value.codec()));
    }
    HandlerCall.ReturnsAsync async = (HandlerCall.ReturnsAsync) returns;
    CodeBlock codec = async.codec() == null ? CodeBlock.of("null") : codecs.of(async.codec());
    return CodeBlock.of("$T.async($L,$W$L)", Names.DISPATCH_RESULT, invocation, codec);
  }

  /** {@code endpoint.say(payload.read(ChatLine_JsonCodec.INSTANCE), context.session())}. */
  private CodeBlock invocation(HandlerCall call) {
    CodeBlock arguments = call.arguments().stream().map(this::argument).collect(CodeBlock.joining(",$W"));
    return CodeBlock.of("endpoint.$L($L)", call.method(), arguments);
  }

  private CodeBlock argument(Argument argument) {
    if (argument instanceof HandlerCall.FromContext context) {
      return CodeBlock.of("context.$L()", context.accessor());
    }
    if (argument instanceof HandlerCall.PathParamArgument param) {
      return param.codec() == null
          ? CodeBlock.of("$T.text(context, $S)", Names.PATH_PARAMS, param.name())
          : CodeBlock.of("$T.read(context, $S, $L)", Names.PATH_PARAMS, param.name(), codecs.of(param.codec()));
    }
    if (argument instanceof HandlerCall.PayloadText) {
      return CodeBlock.of("payload.text()");
    }
    if (argument instanceof HandlerCall.PayloadDecoded decoded) {
      return CodeBlock.of("payload.read($L)", codecs.of(decoded.codec()));
    }
    if (argument instanceof HandlerCall.CloseReasonArgument) {
      return CodeBlock.of("reason");
    }
    if (argument instanceof HandlerCall.ErrorArgument) {
      return CodeBlock.of("error");
    }
    if (argument instanceof HandlerCall.RawText) {
      return CodeBlock.of("text");
    }
    return ((HandlerCall.BinaryArgument) argument).asByteArray() ? CodeBlock.of("bytes") : CodeBlock.of("data");
  }

  private MethodSpec nonBlockingHandlers() {
    ClassName handler = Names.ENDPOINT_DISPATCHER.nestedClass("Handler");
    CodeBlock handlers = model.nonBlocking().stream()
        .map(role -> CodeBlock.of("$T.$L", handler, role.name()))
        .collect(CodeBlock.joining(", "));
    return simple("nonBlockingHandlers", ParameterizedTypeName.get(ClassName.get(Set.class), handler),
        CodeBlock.of("return $T.of($L)", Set.class, handlers));
  }

  /**
   * A lifecycle or raw-message handler the endpoint has: the method that says it has one (the
   * runtime queues nothing for a handler an endpoint lacks), then the call.
   */
  private static void handler(
      TypeSpec.Builder type, Optional<HandlerCall> call, String has, Function<HandlerCall, MethodSpec> method) {
    call.ifPresent(present -> {
      type.addMethod(simple(has, TypeName.BOOLEAN, CodeBlock.of("return true")));
      type.addMethod(method.apply(present));
    });
  }

  private MethodSpec onOpen(HandlerCall call) {
    return override("onOpen")
        .addParameter(model.endpoint(), "endpoint")
        .addParameter(Names.HANDLER_CONTEXT, "context")
        .addException(Exception.class)
        .addStatement("$L", invocation(call))
        .build();
  }

  private MethodSpec onClose(HandlerCall call) {
    return override("onClose")
        .addParameter(model.endpoint(), "endpoint")
        .addParameter(Names.CLOSE_REASON, "reason")
        .addParameter(Names.HANDLER_CONTEXT, "context")
        .addException(Exception.class)
        .addStatement("$L", invocation(call))
        .build();
  }

  private MethodSpec onError(HandlerCall call) {
    MethodSpec.Builder method = override("onError")
        .returns(TypeName.BOOLEAN)
        .addParameter(model.endpoint(), "endpoint")
        .addParameter(Throwable.class, "error")
        .addParameter(Names.HANDLER_CONTEXT, "context")
        .addException(Exception.class);
    TypeName errorType = call.arguments().stream()
        .filter(HandlerCall.ErrorArgument.class::isInstance)
        .map(a -> ((HandlerCall.ErrorArgument) a).type())
        .findFirst()
        .orElse(ClassName.get(Throwable.class));
    if (errorType.equals(ClassName.get(Throwable.class))) {
      return method.addStatement("$L", invocation(call)).addStatement("return true").build();
    }
    // The method takes a narrower type: errors of other types are not its business.
    return method
        .beginControlFlow("if (!(error instanceof $T))", errorType)
        .addStatement("return false")
        .endControlFlow()
        .addStatement("$L", castErrorInvocation(call, errorType))
        .addStatement("return true")
        .build();
  }

  private CodeBlock castErrorInvocation(HandlerCall call, TypeName errorType) {
    CodeBlock arguments = call.arguments().stream()
        .map(a -> a instanceof HandlerCall.ErrorArgument ? CodeBlock.of("($T) error", errorType) : argument(a))
        .collect(CodeBlock.joining(",$W"));
    return CodeBlock.of("endpoint.$L($L)", call.method(), arguments);
  }

  private MethodSpec onText(HandlerCall call) {
    MethodSpec.Builder method = override("onText")
        .returns(Names.DISPATCH_RESULT)
        .addParameter(model.endpoint(), "endpoint")
        .addParameter(String.class, "text")
        .addParameter(Names.HANDLER_CONTEXT, "context")
        .addException(Exception.class);
    if (call.returns() instanceof HandlerCall.ReturnsVoid) {
      return method.addStatement("$L", invocation(call)).addStatement("return $T.none()", Names.DISPATCH_RESULT).build();
    }
    return method.addStatement("return $L", result(invocation(call), call.returns())).build();
  }

  private MethodSpec onBinary(HandlerCall call) {
    MethodSpec.Builder method = override("onBinary")
        .returns(ByteBuffer.class)
        .addParameter(model.endpoint(), "endpoint")
        .addParameter(ByteBuffer.class, "data")
        .addParameter(Names.HANDLER_CONTEXT, "context")
        .addException(Exception.class);
    boolean takesBytes = call.arguments().stream()
        .anyMatch(a -> a instanceof HandlerCall.BinaryArgument binary && binary.asByteArray());
    if (takesBytes) {
      method.addStatement("byte[] bytes = new byte[data.remaining()]").addStatement("data.get(bytes)");
    }
    Returns returns = call.returns();
    if (returns instanceof HandlerCall.ReturnsBinary binary && binary.asByteArray()) {
      return method.addStatement("byte[] reply = $L", invocation(call))
          .addStatement("return reply == null ? null : $T.wrap(reply)", ByteBuffer.class)
          .build();
    }
    if (returns instanceof HandlerCall.ReturnsBinary) {
      return method.addStatement("return $L", invocation(call)).build();
    }
    return method.addStatement("$L", invocation(call)).addStatement("return null").build();
  }

  private MethodSpec runScheduled() {
    MethodSpec.Builder method = override("runScheduled")
        .addParameter(model.endpoint(), "endpoint")
        .addParameter(TypeName.INT, "index")
        .addParameter(Names.HANDLER_CONTEXT, "context")
        .addException(Exception.class)
        .beginControlFlow("switch (index)");
    for (int i = 0; i < model.scheduled().size(); i++) {
      HandlerCall call = model.scheduled().get(i).call();
      method.addCode("// $L\n", call.description()).addCode("case $L -> $L;\n", i, invocation(call));
    }
    return method.addCode("default -> throw new $T(index);\n", IndexOutOfBoundsException.class)
        .endControlFlow()
        .build();
  }

  private static MethodSpec simple(String name, TypeName returns, CodeBlock statement) {
    return override(name).returns(returns).addStatement(statement).build();
  }

  private static MethodSpec.Builder override(String name) {
    return MethodSpec.methodBuilder(name).addAnnotation(Override.class).addModifiers(Modifier.PUBLIC);
  }
}
