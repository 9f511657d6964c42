package io.switchboard.processor;

import static io.switchboard.processor.CodecValidator.annotation;
import static io.switchboard.processor.CodecValidator.annotationValue;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import io.switchboard.processor.HandlerCall.Argument;
import io.switchboard.processor.HandlerCall.Returns;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks one {@code @WsEndpoint} class and its handler methods and turns them into an {@link
 * EndpointModel}. Every mistake is reported on the element at fault and checking goes on, so one
 * compilation shows them all; the model comes back only when the class had none.
 */
final class EndpointValidator {

  private static final Pattern PERIOD = Pattern.compile("([1-9][0-9]{0,9})(ms|s|m|h)");

  /** The handler annotations, each a role a method can play. */
  private enum Role {
    COMMAND(Names.WS_COMMAND),
    OPEN(Names.ON_OPEN),
    CLOSE(Names.ON_CLOSE),
    ERROR(Names.ON_ERROR),
    BINARY(Names.ON_BINARY),
    TEXT(Names.ON_TEXT),
    EVERY(Names.EVERY);

    final String annotation;

    Role(String annotation) {
      this.annotation = annotation;
    }

    String simpleName() {
      return "@" + annotation.substring(annotation.lastIndexOf('.') + 1);
    }
  }

  /** The injectable context types and how the dispatcher gets each from the HandlerContext. */
  private static final Map<String, String> CONTEXT =
      Map.of(
          Names.WS_SESSION.canonicalName(), "session",
          Names.BROADCASTER.canonicalName(), "broadcaster",
          Names.SESSIONS.canonicalName(), "sessions",
          Names.ROOMS.canonicalName(), "rooms",
          Names.ENDPOINT_INFO.canonicalName(), "endpoint");

  private final Elements elements;
  private final Types types;
  private final ErrorReporter errors;
  private final CodecValidator codecs;
  /** Path → the endpoint that has it, across the compilation. */
  private final Map<String, String> pathOwners;

  EndpointValidator(
      ProcessingEnvironment env, ErrorReporter errors, CodecValidator codecs, Map<String, String> pathOwners) {
    this.elements = env.getElementUtils();
    this.types = env.getTypeUtils();
    this.errors = errors;
    this.codecs = codecs;
    this.pathOwners = pathOwners;
  }

  /** The model of a valid endpoint; empty (with errors reported) otherwise. */
  Optional<EndpointModel> validate(TypeElement endpoint) {
    int errorsBefore = errors.errorCount();
    AnnotationMirror annotation = annotation(endpoint, Names.WS_ENDPOINT);
    checkClass(endpoint, annotation);
    String path = checkPath(endpoint, annotation);
    boolean instantiable = checkConstructors(endpoint);

    Handlers handlers = new Handlers(simpleName(endpoint));
    for (ExecutableElement method : ElementFilter.methodsIn(endpoint.getEnclosedElements())) {
      handlers.add(method);
    }
    handlers.checkTextAgainstCommands();

    if (errors.errorCount() > errorsBefore) {
      return Optional.empty();
    }
    ClassName endpointName = ClassName.get(endpoint);
    return Optional.of(
        new EndpointModel(
            endpointName,
            Names.generatedName(endpointName, "_Dispatcher"),
            path,
            subprotocols(endpoint),
            instantiable,
            handlers.commands,
            handlers.scheduled,
            handlers.single(Role.OPEN),
            handlers.single(Role.CLOSE),
            handlers.single(Role.ERROR),
            handlers.single(Role.TEXT),
            handlers.single(Role.BINARY)));
  }

  /**
   * Whether a handler's signature mentions a type javac could not resolve (yet): one that another
   * processor generates in a later round, or a plain mistake that javac reports itself.
   */
  static boolean mentionsUnresolvedTypes(TypeElement endpoint) {
    for (ExecutableElement method : ElementFilter.methodsIn(endpoint.getEnclosedElements())) {
      if (isUnresolved(method.getReturnType())) {
        return true;
      }
      for (VariableElement parameter : method.getParameters()) {
        if (isUnresolved(parameter.asType())) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isUnresolved(TypeMirror type) {
    if (type.getKind() == TypeKind.ERROR) {
      return true;
    }
    if (type.getKind() == TypeKind.ARRAY) {
      return isUnresolved(((javax.lang.model.type.ArrayType) type).getComponentType());
    }
    if (type.getKind() == TypeKind.DECLARED) {
      return ((DeclaredType) type).getTypeArguments().stream().anyMatch(EndpointValidator::isUnresolved);
    }
    return false;
  }

  /** Whether the annotation marks a handler method. */
  static boolean isHandlerAnnotation(String annotation) {
    for (Role role : Role.values()) {
      if (role.annotation.equals(annotation)) {
        return true;
      }
    }
    return false;
  }

  private void checkClass(TypeElement endpoint, AnnotationMirror annotation) {
    if (endpoint.getKind() != ElementKind.CLASS) {
      errors.error(ErrorKey.SwEndpointKind, endpoint, annotation, null,
          "@WsEndpoint goes on a class, not on %s %s", article(endpoint.getKind()), endpoint.getSimpleName());
      return;
    }
    if (endpoint.getModifiers().contains(Modifier.ABSTRACT)) {
      errors.error(ErrorKey.SwEndpointAbstract, endpoint,
          "endpoint class %s must not be abstract: one instance of it serves every connection", endpoint.getSimpleName());
    }
    if (!endpoint.getTypeParameters().isEmpty()) {
      errors.error(ErrorKey.SwEndpointGeneric, endpoint,
          "endpoint class %s must not be generic", endpoint.getSimpleName());
    }
    for (Element e = endpoint; e instanceof TypeElement type; e = type.getEnclosingElement()) {
      if (type.getModifiers().contains(Modifier.PRIVATE)) {
        errors.error(ErrorKey.SwEndpointAccess, endpoint,
            "endpoint class %s must not be private%s: its generated dispatcher must reach it", endpoint.getSimpleName(),
            type == endpoint ? "" : " nor nested in private " + type.getSimpleName());
        break;
      }
      if (type.getNestingKind() == NestingKind.MEMBER && !type.getModifiers().contains(Modifier.STATIC)
          && type.getKind() == ElementKind.CLASS) {
        errors.error(ErrorKey.SwEndpointAccess, endpoint,
            "nested endpoint class %s must be static", type.getSimpleName());
        break;
      }
      if (type.getNestingKind() == NestingKind.LOCAL || type.getNestingKind() == NestingKind.ANONYMOUS) {
        errors.error(ErrorKey.SwEndpointAccess, endpoint,
            "endpoint class %s must be a top-level or static nested class", endpoint.getSimpleName());
        break;
      }
    }
  }

  private String checkPath(TypeElement endpoint, AnnotationMirror annotation) {
    AnnotationValue value = annotationValue(endpoint, Names.WS_ENDPOINT, "value");
    String path = value == null ? "" : (String) value.getValue();
    if (!path.startsWith("/") || path.chars().anyMatch(c -> Character.isWhitespace(c) || c == '?' || c == '#')) {
      errors.error(ErrorKey.SwBadPath, endpoint, annotation, value,
          "endpoint path \"%s\" must start with / and contain no whitespace, ? or #", path);
      return path;
    }
    String owner = pathOwners.putIfAbsent(path, endpoint.getQualifiedName().toString());
    if (owner != null && !owner.equals(endpoint.getQualifiedName().toString())) {
      errors.error(ErrorKey.SwDuplicatePath, endpoint, annotation, value,
          "endpoint path \"%s\" is already served by %s", path, owner);
    }
    return path;
  }

  /** Whether the class has an accessible no-argument constructor; reports one with none at all. */
  private boolean checkConstructors(TypeElement endpoint) {
    if (endpoint.getKind() != ElementKind.CLASS) {
      return false;
    }
    List<ExecutableElement> constructors = ElementFilter.constructorsIn(endpoint.getEnclosedElements());
    // The implicit constructor counts as accessible: if it is not, the class itself is private,
    // which is reported on its own.
    List<ExecutableElement> accessible = constructors.stream()
        .filter(c -> !c.getModifiers().contains(Modifier.PRIVATE)
            || elements.getOrigin(c) == Elements.Origin.MANDATED)
        .collect(Collectors.toList());
    if (accessible.isEmpty()) {
      errors.error(ErrorKey.SwEndpointConstructor, constructors.isEmpty() ? endpoint : constructors.get(0),
          "endpoint class %s has no accessible constructor: the generated dispatcher (or the application) must be able to create it",
          endpoint.getSimpleName());
      return false;
    }
    return accessible.stream().anyMatch(c -> c.getParameters().isEmpty());
  }

  private List<String> subprotocols(TypeElement endpoint) {
    AnnotationValue value = annotationValue(endpoint, Names.WS_ENDPOINT, "subprotocols");
    if (value == null) {
      return List.of();
    }
    List<String> protocols = new ArrayList<>();
    for (Object item : (List<?>) value.getValue()) {
      protocols.add((String) ((AnnotationValue) item).getValue());
    }
    return protocols;
  }

  /** The handler methods of one endpoint, as they are checked in declaration order. */
  private final class Handlers {
    final String endpointName;
    final List<CommandModel> commands = new ArrayList<>();
    final List<ScheduledModel> scheduled = new ArrayList<>();
    final Map<String, String> commandOwners = new HashMap<>();
    final Map<Role, HandlerCall> lifecycle = new HashMap<>();
    final Map<Role, String> lifecycleOwners = new HashMap<>();
    ExecutableElement textMethod;
    ExecutableElement firstCommand;

    Handlers(String endpointName) {
      this.endpointName = endpointName;
    }

    Optional<HandlerCall> single(Role role) {
      return Optional.ofNullable(lifecycle.get(role));
    }

    void add(ExecutableElement method) {
      List<Role> roles = new ArrayList<>();
      for (Role role : Role.values()) {
        if (annotation(method, role.annotation) != null) {
          roles.add(role);
        }
      }
      if (roles.isEmpty()) {
        return;
      }
      if (roles.size() > 1) {
        errors.error(ErrorKey.SwConflictingAnnotations, method, "%s() is annotated %s; a handler plays one role",
            method.getSimpleName(), roles.stream().map(Role::simpleName).collect(Collectors.joining(" and ")));
        return;
      }
      Role role = roles.get(0);
      boolean usable = checkModifiers(method, role);
      switch (role) {
        case COMMAND -> addCommand(method, usable);
        case EVERY -> addScheduled(method, usable);
        default -> addLifecycle(method, role, usable);
      }
    }

    private boolean checkModifiers(ExecutableElement method, Role role) {
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
      if (!method.getTypeParameters().isEmpty()) {
        errors.error(ErrorKey.SwBadParameter, method,
            "%s method %s() must not be generic", role.simpleName(), method.getSimpleName());
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
        String owner = commandOwners.putIfAbsent(name, endpointName + "." + method.getSimpleName() + "()");
        if (owner != null) {
          errors.error(ErrorKey.SwDuplicateCommand, method, annotation, value,
              "command \"%s\" is already handled by %s", name, owner);
          usable = false;
        }
      }
      Optional<Argument> payload = Optional.empty();
      String payloadName = "";
      List<Argument> arguments = new ArrayList<>();
      VariableElement payloadParameter = null;
      for (VariableElement parameter : method.getParameters()) {
        Optional<Argument> context = contextArgument(parameter, Role.COMMAND);
        if (context.isPresent()) {
          arguments.add(context.get());
          continue;
        }
        if (isApiType(parameter.asType())) {
          usable = false;
          continue; // reported by contextArgument
        }
        if (payloadParameter != null) {
          errors.error(ErrorKey.SwTwoPayloads, parameter,
              "%s() already takes the payload as %s; a command has at most one payload parameter (the others are WsSession, Broadcaster, Sessions, Rooms, EndpointInfo)",
              method.getSimpleName(), payloadParameter.getSimpleName());
          usable = false;
          continue;
        }
        payloadParameter = parameter;
        payloadName = typeDescription(parameter.asType());
        Optional<Argument> decoded = payloadArgument(method, parameter);
        if (decoded.isEmpty()) {
          usable = false;
          continue;
        }
        arguments.add(decoded.get());
      }
      Optional<Returns> returns = commandReturns(method);
      if (usable && returns.isPresent()) {
        HandlerCall call = new HandlerCall(method.getSimpleName().toString(), describe(method), arguments, returns.get());
        commands.add(new CommandModel(name, call, payloadName, annotation(method, Names.NON_BLOCKING) != null));
      }
    }

    private Optional<Argument> payloadArgument(ExecutableElement method, VariableElement parameter) {
      TypeMirror type = parameter.asType();
      if (isType(type, "java.lang.String")) {
        return Optional.of(new HandlerCall.PayloadText());
      }
      try {
        return Optional.of(new HandlerCall.PayloadDecoded(codecs.resolve(type, typeDescription(type))));
      } catch (UnsupportedTypeException e) {
        errors.error(ErrorKey.SwUnsupportedType, parameter,
            "payload parameter %s of %s(): %s", parameter.getSimpleName(), method.getSimpleName(), e.getMessage());
        return Optional.empty();
      }
    }

    private Optional<Returns> commandReturns(ExecutableElement method) {
      TypeMirror type = method.getReturnType();
      if (type.getKind() == TypeKind.VOID) {
        return Optional.of(new HandlerCall.ReturnsVoid());
      }
      Optional<TypeMirror> stageValue = completionStageValue(type);
      try {
        if (stageValue.isPresent()) {
          TypeMirror value = stageValue.get();
          if (isType(value, "java.lang.Void")) {
            return Optional.of(new HandlerCall.ReturnsAsync(null));
          }
          return Optional.of(new HandlerCall.ReturnsAsync(codecs.resolve(value, typeDescription(value))));
        }
        return Optional.of(new HandlerCall.ReturnsValue(codecs.resolve(type, typeDescription(type))));
      } catch (UnsupportedTypeException e) {
        errors.error(ErrorKey.SwUnsupportedType, method, "return type of %s(): %s", method.getSimpleName(), e.getMessage());
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
        Optional<Argument> argument = contextArgument(parameter, Role.EVERY);
        if (argument.isEmpty()) {
          usable = false;
        } else {
          arguments.add(argument.get());
        }
      }
      usable &= returnsVoid(method, Role.EVERY);
      if (usable) {
        scheduled.add(new ScheduledModel(
            new HandlerCall(method.getSimpleName().toString(), describe(method), arguments, new HandlerCall.ReturnsVoid()), millis));
      }
    }

    private void addLifecycle(ExecutableElement method, Role role, boolean usable) {
      String owner = lifecycleOwners.putIfAbsent(role, endpointName + "." + method.getSimpleName() + "()");
      if (owner != null) {
        errors.error(ErrorKey.SwDuplicateLifecycle, method, annotation(method, role.annotation), null,
            "%s is already on %s; an endpoint has at most one %s method", role.simpleName(), owner, role.simpleName());
        return;
      }
      if (role == Role.TEXT) {
        textMethod = method;
      }
      List<Argument> arguments = new ArrayList<>();
      boolean hasSubject = false; // the Throwable, the text or the binary message
      for (VariableElement parameter : method.getParameters()) {
        Optional<Argument> argument = lifecycleArgument(parameter, role, hasSubject);
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
      if ((role == Role.TEXT || role == Role.BINARY) && !hasSubject && usable) {
        errors.error(ErrorKey.SwBadParameter, method, "%s method %s() must take the message as %s",
            role.simpleName(), method.getSimpleName(), role == Role.TEXT ? "a String parameter" : "a byte[] or ByteBuffer parameter");
        usable = false;
      }
      Optional<Returns> returns = lifecycleReturns(method, role);
      if (usable && returns.isPresent()) {
        lifecycle.put(role, new HandlerCall(method.getSimpleName().toString(), describe(method), arguments, returns.get()));
      }
    }

    private Optional<Argument> lifecycleArgument(VariableElement parameter, Role role, boolean hasSubject) {
      TypeMirror type = parameter.asType();
      if (role == Role.CLOSE && isType(type, Names.CLOSE_REASON.canonicalName())) {
        return Optional.of(new HandlerCall.CloseReasonArgument());
      }
      if (!hasSubject) {
        if (role == Role.ERROR && isThrowable(type)) {
          return Optional.of(new HandlerCall.ErrorArgument(TypeName.get(type)));
        }
        if (role == Role.TEXT && isType(type, "java.lang.String")) {
          return Optional.of(new HandlerCall.RawText());
        }
        if (role == Role.BINARY && type.getKind() == TypeKind.ARRAY
            && ((javax.lang.model.type.ArrayType) type).getComponentType().getKind() == TypeKind.BYTE) {
          return Optional.of(new HandlerCall.BinaryArgument(true));
        }
        if (role == Role.BINARY && isType(type, "java.nio.ByteBuffer")) {
          return Optional.of(new HandlerCall.BinaryArgument(false));
        }
      }
      return contextArgument(parameter, role);
    }

    private Optional<Returns> lifecycleReturns(ExecutableElement method, Role role) {
      TypeMirror type = method.getReturnType();
      if (type.getKind() == TypeKind.VOID) {
        return Optional.of(new HandlerCall.ReturnsVoid());
      }
      if (role == Role.TEXT && isType(type, "java.lang.String")) {
        return Optional.of(new HandlerCall.ReturnsValue(
            new CodecRef.BuiltIn(ClassName.get(String.class), Names.CODECS, "STRING")));
      }
      if (role == Role.BINARY && type.getKind() == TypeKind.ARRAY
          && ((javax.lang.model.type.ArrayType) type).getComponentType().getKind() == TypeKind.BYTE) {
        return Optional.of(new HandlerCall.ReturnsBinary(true));
      }
      if (role == Role.BINARY && isType(type, "java.nio.ByteBuffer")) {
        return Optional.of(new HandlerCall.ReturnsBinary(false));
      }
      returnsVoid(method, role);
      return Optional.empty();
    }

    private boolean returnsVoid(ExecutableElement method, Role role) {
      if (method.getReturnType().getKind() == TypeKind.VOID) {
        return true;
      }
      String allowed = switch (role) {
        case TEXT -> "void or String";
        case BINARY -> "void, byte[] or ByteBuffer";
        default -> "void";
      };
      errors.error(ErrorKey.SwBadReturn, method, "%s method %s() must return %s, not %s",
          role.simpleName(), method.getSimpleName(), allowed, typeDescription(method.getReturnType()));
      return false;
    }

    /** An injectable context parameter; reports any other parameter as wrong for the role. */
    private Optional<Argument> contextArgument(VariableElement parameter, Role role) {
      TypeMirror type = parameter.asType();
      String accessor = type.getKind() == TypeKind.DECLARED
          ? CONTEXT.get(((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString())
          : null;
      if (accessor != null && !(role == Role.EVERY && accessor.equals("session"))) {
        return Optional.of(new HandlerCall.FromContext(accessor));
      }
      if (role == Role.COMMAND && !isApiType(type)) {
        return Optional.empty(); // a payload; the caller takes it from here
      }
      errors.error(ErrorKey.SwBadParameter, parameter, "%s method %s() cannot take %s %s: %s",
          role.simpleName(), parameter.getEnclosingElement().getSimpleName(), typeDescription(type), parameter.getSimpleName(),
          allowedParameters(role));
      return Optional.empty();
    }

    void checkTextAgainstCommands() {
      if (textMethod != null && firstCommand != null) {
        errors.error(ErrorKey.SwTextWithCommands, textMethod,
            "@OnText method %s() takes every text message, so %s.%s() and the other @WsCommand methods would never run; use one or the other",
            textMethod.getSimpleName(), endpointName, firstCommand.getSimpleName());
      }
    }
  }

  private static String allowedParameters(Role role) {
    String context = "WsSession, Broadcaster, Sessions, Rooms, EndpointInfo";
    return switch (role) {
      case COMMAND -> "a command takes one payload and any of " + context;
      case OPEN -> "it takes any of " + context;
      case CLOSE -> "it takes any of CloseReason, " + context;
      case ERROR -> "it takes one Throwable (or subtype) and any of " + context;
      case BINARY -> "it takes one byte[] or ByteBuffer and any of " + context;
      case TEXT -> "it takes one String and any of " + context;
      case EVERY -> "it runs without a session and takes any of Broadcaster, Sessions, Rooms, EndpointInfo";
    };
  }

  /** A type of the Switchboard API: never a payload, only injectable where the role allows. */
  private boolean isApiType(TypeMirror type) {
    if (type.getKind() != TypeKind.DECLARED) {
      return false;
    }
    String name = ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString();
    return name.startsWith(Names.API + ".") || isThrowable(type);
  }

  private boolean isThrowable(TypeMirror type) {
    TypeElement throwable = elements.getTypeElement("java.lang.Throwable");
    return type.getKind() == TypeKind.DECLARED && types.isAssignable(type, throwable.asType());
  }

  private boolean isType(TypeMirror type, String qualifiedName) {
    return type.getKind() == TypeKind.DECLARED
        && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().contentEquals(qualifiedName);
  }

  /** The value type of a {@code CompletionStage} (or implementation), if the type is one. */
  private Optional<TypeMirror> completionStageValue(TypeMirror type) {
    if (type.getKind() != TypeKind.DECLARED) {
      return Optional.empty();
    }
    DeclaredType declared = (DeclaredType) type;
    if (isType(type, "java.util.concurrent.CompletionStage")) {
      return declared.getTypeArguments().isEmpty() ? Optional.of(elements.getTypeElement("java.lang.Object").asType())
          : Optional.of(declared.getTypeArguments().get(0));
    }
    for (TypeMirror supertype : types.directSupertypes(type)) {
      Optional<TypeMirror> value = completionStageValue(supertype);
      if (value.isPresent()) {
        return value;
      }
    }
    return Optional.empty();
  }

  /** Why a command name is invalid, if it is. */
  static Optional<String> commandNameProblem(String name) {
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

  /** {@code ChatEndpoint#say(ChatLine, Broadcaster)}. */
  private String describe(ExecutableElement method) {
    String parameters = method.getParameters().stream()
        .map(p -> typeDescription(p.asType()))
        .collect(Collectors.joining(", "));
    return simpleName((TypeElement) method.getEnclosingElement()) + "#" + method.getSimpleName() + "(" + parameters + ")";
  }

  /** {@code Outer.Inner}, the name a reader of the endpoint's source knows. */
  static String simpleName(TypeElement type) {
    return String.join(".", ClassName.get(type).simpleNames());
  }

  /** A type by its simple names: {@code List<ChatLine>}, {@code int[]}. */
  static String typeDescription(TypeMirror type) {
    TypeName name = TypeName.get(type);
    return simpleTypeName(name);
  }

  private static String simpleTypeName(TypeName name) {
    if (name instanceof ClassName className) {
      return className.simpleName();
    }
    if (name instanceof com.palantir.javapoet.ParameterizedTypeName parameterized) {
      return simpleTypeName(parameterized.rawType()) + parameterized.typeArguments().stream()
          .map(EndpointValidator::simpleTypeName)
          .collect(Collectors.joining(", ", "<", ">"));
    }
    if (name instanceof com.palantir.javapoet.ArrayTypeName array) {
      return simpleTypeName(array.componentType()) + "[]";
    }
    return name.toString();
  }

  private static String article(ElementKind kind) {
    return switch (kind) {
      case INTERFACE -> "an interface";
      case ENUM -> "an enum";
      case RECORD -> "a record";
      case ANNOTATION_TYPE -> "an annotation type";
      default -> "a " + kind.name().toLowerCase();
    };
  }
}
