package io.switchboard.processor;

import static io.switchboard.processor.Annotations.annotation;
import static io.switchboard.processor.Annotations.annotationValue;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import io.switchboard.processor.HandlerCall.Argument;
import io.switchboard.processor.HandlerCall.Returns;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Checks the handler methods of one endpoint, in declaration order, and turns the valid ones into
 * {@link HandlerCall}s: which role each plays, where each argument comes from, what each returns.
 * Each mistake is reported on the method, parameter or annotation value at fault. One instance
 * classifies one endpoint's methods, in {@link #classify}, and is dropped.
 */
final class HandlerValidator {

  private static final Pattern PERIOD = Pattern.compile("([1-9][0-9]{0,9})(ms|s|m|h)");

  /** The injectable context types and how the dispatcher gets each from the HandlerContext. */
  private static final Map<String, String> CONTEXT =
      Map.of(
          Names.WS_SESSION.canonicalName(), "session",
          Names.BROADCASTER.canonicalName(), "broadcaster",
          Names.SESSIONS.canonicalName(), "sessions",
          Names.ROOMS.canonicalName(), "rooms",
          Names.PRESENCE.canonicalName(), "presence",
          Names.ENDPOINT_INFO.canonicalName(), "endpoint");

  private final ErrorReporter errors;
  private final CodecResolver codecs;
  private final TypeChecks types;
  private final Javadoc javadoc;

  // What the one classification found so far; handed out only as a Handlers record.
  private final List<CommandModel> commands = new ArrayList<>();
  private final List<ScheduledModel> scheduled = new ArrayList<>();
  private final Map<String, String> commandOwners = new HashMap<>();
  private final Map<HandlerRole, HandlerCall> lifecycle = new EnumMap<>(HandlerRole.class);
  private final Map<HandlerRole, String> lifecycleOwners = new EnumMap<>(HandlerRole.class);
  private final Set<HandlerRole> nonBlockingLifecycle = EnumSet.noneOf(HandlerRole.class);
  private final String path;
  /** The template's parameter names; null when the path is malformed (reported already). */
  private final Set<String> pathNames;
  private final Set<HandlerCall.PathParamArgument> pathChecks = new LinkedHashSet<>();
  private ExecutableElement textMethod;
  private ExecutableElement firstCommand;

  /**
   * The valid handlers of an endpoint, each list in declaration order.
   *
   * @param lifecycle the one handler of each lifecycle role the endpoint has
   * @param nonBlocking the lifecycle roles whose handler carries {@code @NonBlocking}
   * @param pathParams the path parameters read as other types than String, each once
   */
  record Handlers(
      List<CommandModel> commands,
      List<ScheduledModel> scheduled,
      Map<HandlerRole, HandlerCall> lifecycle,
      Set<HandlerRole> nonBlocking,
      List<HandlerCall.PathParamArgument> pathParams) {

    /** The one handler of a lifecycle role, if the endpoint has it. */
    Optional<HandlerCall> single(HandlerRole role) {
      return Optional.ofNullable(lifecycle.get(role));
    }
  }

  /**
   * Checks the methods of an endpoint, reporting each mistake, and returns the valid handlers.
   *
   * @param methods the endpoint's methods and those it inherits, in the order handlers are listed
   * @param path the endpoint's path, whose template names the path parameters
   */
  static Handlers classify(ErrorReporter errors, CodecResolver codecs, TypeChecks types, Javadoc javadoc,
      TypeElement endpoint, String path, List<ExecutableElement> methods) {
    HandlerValidator validator = new HandlerValidator(errors, codecs, types, javadoc, path, PathTemplate.of(path));
    for (ExecutableElement method : methods) {
      validator.add(method, endpoint);
    }
    validator.checkTextAgainstCommands();
    return new Handlers(List.copyOf(validator.commands), List.copyOf(validator.scheduled),
        Collections.unmodifiableMap(new EnumMap<>(validator.lifecycle)),
        Collections.unmodifiableSet(EnumSet.copyOf(validator.nonBlockingLifecycle)), List.copyOf(validator.pathChecks));
  }

  private HandlerValidator(ErrorReporter errors, CodecResolver codecs, TypeChecks types, Javadoc javadoc, String path,
      Optional<PathTemplate> template) {
    this.errors = errors;
    this.javadoc = javadoc;
    this.codecs = codecs;
    this.types = types;
    this.path = path;
    this.pathNames = template.map(PathTemplate::names).orElse(null);
  }

  /** Checks a method; one without handler annotations is none of this validator's business. */
  private void add(ExecutableElement method, TypeElement endpoint) {
    List<HandlerRole> roles = new ArrayList<>();
    for (HandlerRole role : HandlerRole.values()) {
      if (annotation(method, role.annotation) != null) {
        roles.add(role);
      }
    }
    if (roles.isEmpty()) {
      return;
    }
    if (roles.size() > 1) {
      errors.error(ErrorKey.SwConflictingAnnotations, method, "%s() is annotated %s; a handler plays one role",
          method.getSimpleName(), roles.stream().map(HandlerRole::simpleName).collect(Collectors.joining(" and ")));
      return;
    }
    HandlerRole role = roles.get(0);
    if (!method.getTypeParameters().isEmpty()) {
      // Its type variables would only add errors about types that have no codec.
      errors.error(ErrorKey.SwBadParameter, method,
          "%s method %s() must not be generic", role.simpleName(), method.getSimpleName());
      return;
    }
    boolean usable = checkModifiers(method, role) && checkInheritedAccess(method, role, endpoint);
    switch (role) {
      case COMMAND -> addCommand(method, usable);
      case EVERY -> addScheduled(method, usable);
      default -> addLifecycle(method, role, usable);
    }
  }

  /** An inherited handler from another package is called from the endpoint's: it must be public. */
  private boolean checkInheritedAccess(ExecutableElement method, HandlerRole role, TypeElement endpoint) {
    TypeElement declaring = (TypeElement) method.getEnclosingElement();
    if (declaring.equals(endpoint)
        || method.getModifiers().contains(Modifier.PUBLIC)
        || packageOf(declaring).equals(packageOf(endpoint))) {
      return true;
    }
    errors.error(ErrorKey.SwHandlerPrivate, method,
        "%s method %s() is inherited by %s from another package, so it must be public: the generated dispatcher calls it directly",
        role.simpleName(), method.getSimpleName(), endpoint.getSimpleName());
    return false;
  }

  /** {@code Chat.greet()}: the method and the class that declares it, for messages. */
  private static String ownerName(ExecutableElement method) {
    return TypeChecks.simpleName((TypeElement) method.getEnclosingElement()) + "." + method.getSimpleName() + "()";
  }

  private static String packageOf(TypeElement type) {
    return ClassName.get(type).packageName();
  }

  private boolean checkModifiers(ExecutableElement method, HandlerRole role) {
    boolean usable = true;
    if (method.getModifiers().contains(Modifier.PRIVATE)) {
      errors.error(ErrorKey.SwHandlerPrivate, method,
          "%s method %s() must not be private: the generated dispatcher calls it directly", role.simpleName(), method.getSimpleName());
      usable = false;
    }
    if (method.getModifiers().contains(Modifier.STATIC)) {
      errors.error(ErrorKey.SwHandlerStatic, method,
          "%s method %s() must not be static: it is called on the endpoint instance", role.simpleName(), method.getSimpleName());
      usable = false;
    }
    return usable;
  }

  private void addCommand(ExecutableElement method, boolean usable) {
    if (firstCommand == null) {
      firstCommand = method;
    }
    AnnotationMirror annotation = annotation(method, Names.WS_COMMAND);
    AnnotationValue value = annotationValue(method, Names.WS_COMMAND, "value");
    String name = value == null ? method.getSimpleName().toString() : (String) value.getValue();
    Optional<String> problem = commandNameProblem(name);
    if (problem.isPresent()) {
      errors.error(ErrorKey.SwBadCommandName, method, annotation, value, "invalid command name \"%s\": %s", name, problem.get());
      usable = false;
    } else {
      String owner = commandOwners.putIfAbsent(name, ownerName(method));
      if (owner != null) {
        errors.error(ErrorKey.SwDuplicateCommand, method, annotation, value,
            "command \"%s\" is already handled by %s", name, owner);
        usable = false;
      }
    }
    CommandParameters parameters = commandParameters(method);
    Optional<Returns> returns = commandReturns(method);
    if (usable && parameters != null && returns.isPresent()) {
      HandlerCall call = new HandlerCall(
          method.getSimpleName().toString(), TypeChecks.describe(method), parameters.arguments(), returns.get());
      commands.add(new CommandModel(name, call, parameters.payloadName(), annotation(method, Names.NON_BLOCKING) != null,
          argumentForm(parameters), javadoc.of(method)));
    }
  }

  /**
   * How a console user writes the payload: the JSON members of an object read as JSON ({@code
   * {"item":…,"amount":…}}), else the type's name in angle brackets.
   */
  private String argumentForm(CommandParameters parameters) {
    if (parameters.payloadName().isEmpty()) {
      return "";
    }
    for (Argument argument : parameters.arguments()) {
      if (argument instanceof HandlerCall.PayloadDecoded decoded
          && decoded.codec() instanceof CodecRef.Generated generated
          && codecs.models().get(generated.type().toString()) instanceof CodecModel.ObjectCodec object
          && !object.buildsFromText()) {
        return object.properties().stream()
            .map(property -> "\"" + property.jsonName() + "\":…")
            .collect(Collectors.joining(",", "{", "}"));
      }
    }
    return "<" + parameters.payloadName() + ">";
  }

  /** A command's arguments in order, and its payload type's simple name ("" for none). */
  private record CommandParameters(List<Argument> arguments, String payloadName) {}

  /** The arguments of a command; null (with the errors reported) if a parameter is wrong. */
  private CommandParameters commandParameters(ExecutableElement method) {
    boolean valid = true;
    String payloadName = "";
    List<Argument> arguments = new ArrayList<>();
    VariableElement payloadParameter = null;
    for (VariableElement parameter : method.getParameters()) {
      if (annotation(parameter, Names.PATH_PARAM) != null) {
        Optional<Argument> value = pathArgument(parameter, HandlerRole.COMMAND);
        value.ifPresent(arguments::add);
        valid &= value.isPresent();
        continue;
      }
      Optional<Argument> context = contextArgument(parameter, HandlerRole.COMMAND);
      if (context.isPresent()) {
        arguments.add(context.get());
        continue;
      }
      if (types.isApiType(parameter.asType())) {
        valid = false;
        continue; // reported by contextArgument
      }
      if (payloadParameter != null) {
        errors.error(ErrorKey.SwTwoPayloads, parameter,
            "%s() already takes the payload as %s; a command has at most one payload parameter (the others are WsSession, Broadcaster, Sessions, Rooms, Presence, EndpointInfo)",
            method.getSimpleName(), payloadParameter.getSimpleName());
        valid = false;
        continue;
      }
      payloadParameter = parameter;
      payloadName = TypeChecks.typeDescription(parameter.asType());
      Optional<Argument> decoded = payloadArgument(method, parameter);
      if (decoded.isEmpty()) {
        valid = false;
        continue;
      }
      arguments.add(decoded.get());
    }
    return valid ? new CommandParameters(arguments, payloadName) : null;
  }

  private Optional<Argument> payloadArgument(ExecutableElement method, VariableElement parameter) {
    TypeMirror type = parameter.asType();
    if (TypeChecks.isType(type, "java.lang.String")) {
      return Optional.of(new HandlerCall.PayloadText());
    }
    try {
      return Optional.of(new HandlerCall.PayloadDecoded(codecs.resolve(type, TypeChecks.typeDescription(type))));
    } catch (UnsupportedTypeException e) {
      errors.error(ErrorKey.SwUnsupportedType, parameter,
          "payload parameter %s of %s(): %s", parameter.getSimpleName(), method.getSimpleName(), e.getMessage());
      codecs.reportOnMember(e, errors);
      return Optional.empty();
    }
  }

  private Optional<Returns> commandReturns(ExecutableElement method) {
    TypeMirror type = method.getReturnType();
    if (type.getKind() == TypeKind.VOID) {
      return Optional.of(new HandlerCall.ReturnsVoid());
    }
    Optional<TypeMirror> stageValue = types.completionStageValue(type);
    try {
      if (stageValue.isPresent()) {
        TypeMirror value = stageValue.get();
        if (TypeChecks.isType(value, "java.lang.Void")) {
          return Optional.of(new HandlerCall.ReturnsAsync(null));
        }
        return Optional.of(new HandlerCall.ReturnsAsync(codecs.resolve(value, TypeChecks.typeDescription(value))));
      }
      return Optional.of(new HandlerCall.ReturnsValue(codecs.resolve(type, TypeChecks.typeDescription(type))));
    } catch (UnsupportedTypeException e) {
      errors.error(ErrorKey.SwUnsupportedType, method, "return type of %s(): %s", method.getSimpleName(), e.getMessage());
      codecs.reportOnMember(e, errors);
      return Optional.empty();
    }
  }

  private void addScheduled(ExecutableElement method, boolean usable) {
    AnnotationMirror annotation = annotation(method, Names.EVERY);
    AnnotationValue value = annotationValue(method, Names.EVERY, "value");
    String period = value == null ? "" : (String) value.getValue();
    Matcher matcher = PERIOD.matcher(period);
    long millis = 0;
    if (matcher.matches()) {
      long amount = Long.parseLong(matcher.group(1));
      millis = switch (matcher.group(2)) {
        case "ms" -> amount;
        case "s" -> amount * 1_000;
        case "m" -> amount * 60_000;
        default -> amount * 3_600_000;
      };
    } else {
      errors.error(ErrorKey.SwBadPeriod, method, annotation, value,
          "bad period \"%s\": write a positive whole number and a unit, ms, s, m or h (\"500ms\", \"5s\", \"1m\")", period);
      usable = false;
    }
    List<Argument> arguments = new ArrayList<>();
    for (VariableElement parameter : method.getParameters()) {
      Optional<Argument> argument = annotation(parameter, Names.PATH_PARAM) != null
          ? pathArgument(parameter, HandlerRole.EVERY)
          : contextArgument(parameter, HandlerRole.EVERY);
      if (argument.isEmpty()) {
        usable = false;
      } else {
        arguments.add(argument.get());
      }
    }
    usable &= returnsVoid(method, HandlerRole.EVERY);
    AnnotationValue scope = annotationValue(method, Names.EVERY, "scope");
    String scopeName = scope == null ? "CLUSTER" : scope.getValue().toString();
    if (usable) {
      scheduled.add(new ScheduledModel(
          new HandlerCall(method.getSimpleName().toString(), TypeChecks.describe(method), arguments, new HandlerCall.ReturnsVoid()), millis, scopeName));
    }
  }

  private void addLifecycle(ExecutableElement method, HandlerRole role, boolean usable) {
    String owner = lifecycleOwners.putIfAbsent(role, ownerName(method));
    if (owner != null) {
      errors.error(ErrorKey.SwDuplicateLifecycle, method, annotation(method, role.annotation), null,
          "%s is already on %s; an endpoint has at most one %s method", role.simpleName(), owner, role.simpleName());
      return;
    }
    if (role == HandlerRole.TEXT) {
      textMethod = method;
    }
    List<Argument> arguments = new ArrayList<>();
    boolean hasSubject = false; // the Throwable, the text or the binary message
    for (VariableElement parameter : method.getParameters()) {
      Optional<Argument> argument = annotation(parameter, Names.PATH_PARAM) != null
          ? pathArgument(parameter, role)
          : lifecycleArgument(parameter, role, hasSubject);
      if (argument.isEmpty()) {
        usable = false;
        continue;
      }
      Argument value = argument.get();
      hasSubject |= value instanceof HandlerCall.ErrorArgument
          || value instanceof HandlerCall.RawText
          || value instanceof HandlerCall.BinaryArgument;
      arguments.add(value);
    }
    if ((role == HandlerRole.TEXT || role == HandlerRole.BINARY) && !hasSubject && usable) {
      errors.error(ErrorKey.SwBadParameter, method, "%s method %s() must take the message as %s",
          role.simpleName(), method.getSimpleName(), role == HandlerRole.TEXT ? "a String parameter" : "a byte[] or ByteBuffer parameter");
      usable = false;
    }
    Optional<Returns> returns = lifecycleReturns(method, role);
    if (usable && returns.isPresent()) {
      lifecycle.put(role, new HandlerCall(method.getSimpleName().toString(), TypeChecks.describe(method), arguments, returns.get()));
      if (annotation(method, Names.NON_BLOCKING) != null) {
        nonBlockingLifecycle.add(role);
      }
    }
  }

  private Optional<Argument> lifecycleArgument(VariableElement parameter, HandlerRole role, boolean hasSubject) {
    TypeMirror type = parameter.asType();
    if (role == HandlerRole.CLOSE && TypeChecks.isType(type, Names.CLOSE_REASON.canonicalName())) {
      return Optional.of(new HandlerCall.CloseReasonArgument());
    }
    if (!hasSubject) {
      if (role == HandlerRole.ERROR && types.isThrowable(type)) {
        return Optional.of(new HandlerCall.ErrorArgument(TypeName.get(type)));
      }
      if (role == HandlerRole.TEXT && TypeChecks.isType(type, "java.lang.String")) {
        return Optional.of(new HandlerCall.RawText());
      }
      if (role == HandlerRole.BINARY && TypeChecks.isByteArray(type)) {
        return Optional.of(new HandlerCall.BinaryArgument(true));
      }
      if (role == HandlerRole.BINARY && TypeChecks.isType(type, "java.nio.ByteBuffer")) {
        return Optional.of(new HandlerCall.BinaryArgument(false));
      }
    }
    return contextArgument(parameter, role);
  }

  private Optional<Returns> lifecycleReturns(ExecutableElement method, HandlerRole role) {
    TypeMirror type = method.getReturnType();
    if (type.getKind() == TypeKind.VOID) {
      return Optional.of(new HandlerCall.ReturnsVoid());
    }
    if (role == HandlerRole.TEXT && TypeChecks.isType(type, "java.lang.String")) {
      return Optional.of(new HandlerCall.ReturnsValue(
          new CodecRef.BuiltIn(ClassName.get(String.class), Names.CODECS, "STRING")));
    }
    if (role == HandlerRole.BINARY && TypeChecks.isByteArray(type)) {
      return Optional.of(new HandlerCall.ReturnsBinary(true));
    }
    if (role == HandlerRole.BINARY && TypeChecks.isType(type, "java.nio.ByteBuffer")) {
      return Optional.of(new HandlerCall.ReturnsBinary(false));
    }
    returnsVoid(method, role);
    return Optional.empty();
  }

  private boolean returnsVoid(ExecutableElement method, HandlerRole role) {
    if (method.getReturnType().getKind() == TypeKind.VOID) {
      return true;
    }
    String allowed = switch (role) {
      case TEXT -> "void or String";
      case BINARY -> "void, byte[] or ByteBuffer";
      default -> "void";
    };
    errors.error(ErrorKey.SwBadReturn, method, "%s method %s() must return %s, not %s",
        role.simpleName(), method.getSimpleName(), allowed, TypeChecks.typeDescription(method.getReturnType()));
    return false;
  }

  /**
   * A {@code @PathParam} parameter: a name of the endpoint's template, of a type a path segment
   * converts to; reports it otherwise.
   */
  private Optional<Argument> pathArgument(VariableElement parameter, HandlerRole role) {
    AnnotationMirror annotation = annotation(parameter, Names.PATH_PARAM);
    AnnotationValue value = annotationValue(parameter, Names.PATH_PARAM, "value");
    String name = value == null ? "" : (String) value.getValue();
    String method = parameter.getEnclosingElement().getSimpleName().toString();
    if (role == HandlerRole.EVERY) {
      errors.error(ErrorKey.SwBadParameter, parameter, annotation, null,
          "@Every method %s() cannot take @PathParam %s: it runs once for the whole endpoint, not for one connection's path",
          method, parameter.getSimpleName());
      return Optional.empty();
    }
    if (pathNames != null && !pathNames.contains(name)) {
      errors.error(ErrorKey.SwUnknownPathParam, parameter, annotation, value,
          "@PathParam(\"%s\") of %s() names no parameter of the endpoint path \"%s\"%s",
          name, method, path, pathNames.isEmpty()
              ? ", which has none: declare it as a segment, e.g. @WsEndpoint(\"/items/{" + name + "}\")"
              : "; its parameters are " + pathNames.stream().map(n -> "{" + n + "}").collect(Collectors.joining(", ")));
      return Optional.empty();
    }
    TypeMirror type = parameter.asType();
    if (TypeChecks.isType(type, "java.lang.String")) {
      return Optional.of(new HandlerCall.PathParamArgument(name, null));
    }
    Optional<CodecRef> codec = textCodec(type);
    if (codec.isEmpty()) {
      errors.error(ErrorKey.SwBadParameter, parameter,
          "@PathParam %s of %s() is %s, which a path segment does not convert to: use String, a primitive or its box,"
              + " BigDecimal, BigInteger, an enum, UUID or a java.time type",
          parameter.getSimpleName(), method, TypeChecks.typeDescription(type));
      return Optional.empty();
    }
    HandlerCall.PathParamArgument argument = new HandlerCall.PathParamArgument(name, codec.get());
    pathChecks.add(argument);
    return Optional.of(argument);
  }

  /** The codec of a type read from one bare word, as a text-line argument: a scalar or an enum. */
  private Optional<CodecRef> textCodec(TypeMirror type) {
    try {
      CodecRef codec = codecs.resolve(type, TypeChecks.typeDescription(type));
      boolean scalar = codec instanceof CodecRef.BuiltIn builtIn
          && builtIn.owner().equals(Names.CODECS) && !builtIn.constant().endsWith("_ARRAY");
      return scalar || TypeChecks.isEnum(type) ? Optional.of(codec) : Optional.empty();
    } catch (UnsupportedTypeException e) {
      return Optional.empty();
    }
  }

  /** An injectable context parameter; reports any other parameter as wrong for the role. */
  private Optional<Argument> contextArgument(VariableElement parameter, HandlerRole role) {
    TypeMirror type = parameter.asType();
    String accessor = TypeChecks.qualifiedName(type).map(CONTEXT::get).orElse(null);
    if (accessor != null && !(role == HandlerRole.EVERY && accessor.equals("session"))) {
      return Optional.of(new HandlerCall.FromContext(accessor));
    }
    if (role == HandlerRole.COMMAND && !types.isApiType(type)) {
      return Optional.empty(); // a payload; the caller takes it from here
    }
    errors.error(ErrorKey.SwBadParameter, parameter, "%s method %s() cannot take %s %s: %s",
        role.simpleName(), parameter.getEnclosingElement().getSimpleName(), TypeChecks.typeDescription(type), parameter.getSimpleName(),
        allowedParameters(role));
    return Optional.empty();
  }

  /** Reports an {@code @OnText} method next to commands; called once every method was added. */
  private void checkTextAgainstCommands() {
    if (textMethod != null && firstCommand != null) {
      errors.error(ErrorKey.SwTextWithCommands, textMethod,
          "@OnText method %s() takes every text message, so %s and the other @WsCommand methods would never run; use one or the other",
          textMethod.getSimpleName(), ownerName(firstCommand));
    }
  }

  private static String allowedParameters(HandlerRole role) {
    String context = "WsSession, Broadcaster, Sessions, Rooms, Presence, EndpointInfo";
    return switch (role) {
      case COMMAND -> "a command takes one payload and any of " + context;
      case OPEN -> "it takes any of " + context;
      case CLOSE -> "it takes any of CloseReason, " + context;
      case ERROR -> "it takes one Throwable (or subtype) and any of " + context;
      case BINARY -> "it takes one byte[] or ByteBuffer and any of " + context;
      case TEXT -> "it takes one String and any of " + context;
      case EVERY -> "it runs without a session and takes any of Broadcaster, Sessions, Rooms, Presence, EndpointInfo";
    };
  }

  /** Why a command name is invalid, if it is. */
  private static Optional<String> commandNameProblem(String name) {
    if (name.isEmpty()) {
      return Optional.of("it must not be empty (leave the value out to use the method name)");
    }
    if (name.isBlank()) {
      return Optional.of("it must not be blank");
    }
    if (name.chars().anyMatch(Character::isWhitespace)) {
      return Optional.of("it must not contain whitespace: a text line's first word is its command");
    }
    if (name.startsWith("{")) {
      return Optional.of("it must not start with {, which starts a JSON envelope");
    }
    return Optional.empty();
  }
}
