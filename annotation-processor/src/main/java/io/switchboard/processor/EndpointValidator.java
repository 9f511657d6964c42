package io.switchboard.processor;

import static io.switchboard.processor.Annotations.annotation;
import static io.switchboard.processor.Annotations.annotationValue;

import com.palantir.javapoet.ClassName;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Checks one {@code @WsEndpoint} class and its handler methods and turns them into an {@link
 * EndpointModel}. Every mistake is reported on the element at fault and checking goes on, so one
 * compilation shows them all; the model comes back only when the class had none.
 */
final class EndpointValidator {

  private final Elements elements;
  private final TypeChecks types;
  private final ErrorReporter errors;
  private final CodecResolver codecs;
  private final Javadoc javadoc;
  private final EventValidator events;
  /** Path → the endpoint that has it, across the compilation. */
  private final Map<String, String> pathOwners;

  EndpointValidator(
      ProcessingEnvironment env, ErrorReporter errors, CodecResolver codecs, Map<String, String> pathOwners) {
    this.elements = env.getElementUtils();
    this.types = new TypeChecks(env);
    this.errors = errors;
    this.codecs = codecs;
    this.javadoc = new Javadoc(elements);
    this.events = new EventValidator(env, errors, codecs, javadoc);
    this.pathOwners = pathOwners;
  }

  /** The model of a valid endpoint; empty (with errors reported) otherwise. */
  Optional<EndpointModel> validate(TypeElement endpoint) {
    int errorsBefore = errors.errorCount();
    AnnotationMirror annotation = annotation(endpoint, Names.WS_ENDPOINT);
    checkClass(endpoint, annotation);
    String path = checkPath(endpoint, annotation);
    boolean instantiable = checkConstructors(endpoint);

    HandlerValidator.Handlers handlers =
        HandlerValidator.classify(errors, codecs, types, javadoc, endpoint, path, methods(endpoint));
    List<EventModel> declaredEvents = events.events(endpoint);

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
            handlers.commands(),
            handlers.scheduled(),
            handlers.single(HandlerRole.OPEN),
            handlers.single(HandlerRole.CLOSE),
            handlers.single(HandlerRole.ERROR),
            handlers.single(HandlerRole.TEXT),
            handlers.single(HandlerRole.BINARY),
            handlers.nonBlocking(),
            handlers.pathParams(),
            declaredEvents,
            javadoc.of(endpoint)));
  }

  /**
   * The methods of the endpoint and of its superclasses (whose handlers it inherits), superclass
   * methods first, each class's in declaration order; an overridden method is left out for its
   * override, which must carry the handler annotation itself.
   */
  private List<ExecutableElement> methods(TypeElement endpoint) {
    Set<Element> members = new HashSet<>(elements.getAllMembers(endpoint));
    List<ExecutableElement> methods = new ArrayList<>();
    for (TypeElement type : TypeChecks.superclassesFirst(endpoint)) {
      for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
        if (type == endpoint || members.contains(method)) {
          methods.add(method);
        }
      }
    }
    return methods;
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
    PathTemplate.Result template = PathTemplate.parse(path);
    if (template.problem() != null) {
      errors.error(ErrorKey.SwBadPathTemplate, endpoint, annotation, value,
          "endpoint path \"%s\": %s; write a parameter as a whole segment, \"/items/{item}\"", path, template.problem());
      return path;
    }
    String self = endpoint.getQualifiedName().toString();
    String owner = pathOwners.putIfAbsent(path, self);
    if (owner != null && !owner.equals(self)) {
      errors.error(ErrorKey.SwDuplicatePath, endpoint, annotation, value,
          "endpoint path \"%s\" is already served by %s", path, owner);
      return path;
    }
    checkOverlaps(endpoint, annotation, value, path, template.template());
    return path;
  }

  /** Two templates that match the same path would leave the choice to chance: one must go. */
  private void checkOverlaps(
      TypeElement endpoint, AnnotationMirror annotation, AnnotationValue value, String path, PathTemplate template) {
    String self = endpoint.getQualifiedName().toString();
    for (Map.Entry<String, String> other : pathOwners.entrySet()) {
      if (other.getValue().equals(self)) {
        continue;
      }
      Optional<PathTemplate> theirs = PathTemplate.of(other.getKey());
      if (theirs.isPresent() && template.overlaps(theirs.get())) {
        errors.error(ErrorKey.SwOverlappingPaths, endpoint, annotation, value,
            "endpoint path \"%s\" overlaps \"%s\" of %s: both would match %s; make a literal segment differ,"
                + " or serve one of them at a literal path (a literal path wins over a template)",
            path, other.getKey(), other.getValue(), template.example(theirs.get()));
        return;
      }
    }
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
