package io.switchboard.processor;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Finds the events an endpoint declares: its {@code static final Event<T>} fields (and those of
 * its superclasses compiled here), each initialized with {@code Event.of("name")}. The payload type
 * is the field's type argument; the name is read from the initializer's source, which is why it
 * must be a string literal: the value of a field that is not a compile-time constant is not part of
 * the language model, only of the syntax tree.
 */
final class EventValidator {

  private final ErrorReporter errors;
  private final CodecResolver codecs;
  private final Javadoc javadoc;
  /** Null when the compiler is not javac: then events cannot be read, and declaring one is an error. */
  private final Trees trees;

  EventValidator(ProcessingEnvironment env, ErrorReporter errors, CodecResolver codecs, Javadoc javadoc) {
    this.errors = errors;
    this.codecs = codecs;
    this.javadoc = javadoc;
    this.trees = treesOf(env);
  }

  private static Trees treesOf(ProcessingEnvironment env) {
    try {
      return Trees.instance(env);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The endpoint's valid events in declaration order, superclass fields first; mistakes are reported. */
  List<EventModel> events(TypeElement endpoint) {
    List<EventModel> events = new ArrayList<>();
    Map<String, String> owners = new HashMap<>();
    for (TypeElement type : TypeChecks.superclassesFirst(endpoint)) {
      for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
        if (!TypeChecks.isType(field.asType(), Names.EVENT)) {
          continue;
        }
        if (type != endpoint && (trees == null || trees.getTree(field) == null)) {
          continue; // a superclass from a library: its events are in its own contract
        }
        check(field).ifPresent(event -> {
          String owner = owners.putIfAbsent(event.name(), field.getSimpleName().toString());
          if (owner != null) {
            errors.error(ErrorKey.SwBadEvent, field, "event \"%s\" is already declared by %s", event.name(), owner);
          } else {
            events.add(event);
          }
        });
      }
    }
    return events;
  }

  private Optional<EventModel> check(VariableElement field) {
    String fieldName = field.getSimpleName().toString();
    if (!field.getModifiers().containsAll(List.of(Modifier.STATIC, Modifier.FINAL))) {
      errors.error(ErrorKey.SwBadEvent, field,
          "event field %s must be static final: an event is declared once, for every connection", fieldName);
      return Optional.empty();
    }
    List<? extends TypeMirror> arguments = ((DeclaredType) field.asType()).getTypeArguments();
    if (arguments.isEmpty()) {
      errors.error(ErrorKey.SwBadEvent, field, "event field %s must give its payload type: Event<ChatLine>", fieldName);
      return Optional.empty();
    }
    Optional<String> name = literalName(field);
    if (name.isEmpty()) {
      errors.error(ErrorKey.SwBadEvent, field,
          "event field %s must be initialized with Event.of(\"name\"), the name a string literal that the processor can read",
          fieldName);
      return Optional.empty();
    }
    if (name.get().isEmpty() || name.get().isBlank()) {
      errors.error(ErrorKey.SwBadEvent, field, "event field %s has an empty name", fieldName);
      return Optional.empty();
    }
    TypeMirror payload = arguments.get(0);
    try {
      CodecRef codec = codecs.resolve(payload, TypeChecks.typeDescription(payload));
      return Optional.of(new EventModel(name.get(), fieldName, codec, javadoc.of(field)));
    } catch (UnsupportedTypeException e) {
      errors.error(ErrorKey.SwEventPayload, field, "event \"%s\" (%s) pushes %s", name.get(), fieldName, e.getMessage());
      codecs.reportOnMember(e, errors);
      return Optional.empty();
    }
  }

  /** The literal of {@code Event.of("chat")} (or {@code of("chat")}, statically imported). */
  private Optional<String> literalName(VariableElement field) {
    Tree tree = trees == null ? null : trees.getTree(field);
    if (!(tree instanceof VariableTree variable)
        || !(variable.getInitializer() instanceof MethodInvocationTree call)
        || call.getArguments().size() != 1
        || !isNamedOf(call.getMethodSelect())
        || !(call.getArguments().get(0) instanceof LiteralTree literal)
        || !(literal.getValue() instanceof String name)) {
      return Optional.empty();
    }
    return Optional.of(name);
  }

  private static boolean isNamedOf(ExpressionTree select) {
    if (select instanceof MemberSelectTree member) {
      return member.getIdentifier().contentEquals("of");
    }
    return select instanceof IdentifierTree identifier && identifier.getName().contentEquals("of");
  }
}
