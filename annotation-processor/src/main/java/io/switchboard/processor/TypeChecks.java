package io.switchboard.processor;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Questions about handler signatures' types, and how messages name them. */
final class TypeChecks {

  private final Elements elements;
  private final Types types;

  TypeChecks(ProcessingEnvironment env) {
    this.elements = env.getElementUtils();
    this.types = env.getTypeUtils();
  }

  /** A type of the Switchboard API: never a payload, only injectable where the role allows. */
  boolean isApiType(TypeMirror type) {
    if (type.getKind() != TypeKind.DECLARED) {
      return false;
    }
    TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
    return Names.isFrameworkPackage(elements.getPackageOf(element).getQualifiedName().toString())
        || isThrowable(type);
  }

  /** Whether the type is Throwable or a subtype. */
  boolean isThrowable(TypeMirror type) {
    TypeElement throwable = elements.getTypeElement("java.lang.Throwable");
    return type.getKind() == TypeKind.DECLARED && types.isAssignable(type, throwable.asType());
  }

  /** Whether the type is the class or interface of this name (any type arguments). */
  static boolean isType(TypeMirror type, String qualifiedName) {
    return qualifiedName(type).filter(qualifiedName::equals).isPresent();
  }

  /** The qualified name of a class, interface, enum or record type; empty for any other type. */
  static Optional<String> qualifiedName(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED
        ? Optional.of(((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString())
        : Optional.empty();
  }

  /** Whether the type is an enum. */
  static boolean isEnum(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED && ((DeclaredType) type).asElement().getKind() == ElementKind.ENUM;
  }

  /** The value type of a {@code CompletionStage} (or implementation), if the type is one. */
  Optional<TypeMirror> completionStageValue(TypeMirror type) {
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

  /**
   * A class and the classes it inherits from, up to but not including Object, the class itself
   * first: endpoints inherit handlers, and message classes members, from all of them.
   */
  static List<TypeElement> classAndSuperclasses(TypeElement type) {
    List<TypeElement> hierarchy = new ArrayList<>();
    for (TypeElement t = type; t != null && !t.getQualifiedName().contentEquals("java.lang.Object"); t = superclass(t)) {
      hierarchy.add(t);
    }
    return hierarchy;
  }

  /** {@link #classAndSuperclasses} the other way round: inherited members come before their overrides. */
  static List<TypeElement> superclassesFirst(TypeElement type) {
    List<TypeElement> hierarchy = classAndSuperclasses(type);
    Collections.reverse(hierarchy);
    return hierarchy;
  }

  private static TypeElement superclass(TypeElement type) {
    TypeMirror superclass = type.getSuperclass();
    return superclass.getKind() == TypeKind.DECLARED ? (TypeElement) ((DeclaredType) superclass).asElement() : null;
  }

  /** Whether the type is {@code byte[]}. */
  static boolean isByteArray(TypeMirror type) {
    return type.getKind() == TypeKind.ARRAY && ((ArrayType) type).getComponentType().getKind() == TypeKind.BYTE;
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
      return isUnresolved(((ArrayType) type).getComponentType());
    }
    if (type.getKind() == TypeKind.DECLARED) {
      return ((DeclaredType) type).getTypeArguments().stream().anyMatch(TypeChecks::isUnresolved);
    }
    return false;
  }

  /** {@code ChatEndpoint#say(ChatLine, Broadcaster)}. */
  static String describe(ExecutableElement method) {
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
    if (name instanceof ParameterizedTypeName parameterized) {
      return simpleTypeName(parameterized.rawType()) + parameterized.typeArguments().stream()
          .map(TypeChecks::simpleTypeName)
          .collect(Collectors.joining(", ", "<", ">"));
    }
    if (name instanceof ArrayTypeName array) {
      return simpleTypeName(array.componentType()) + "[]";
    }
    return name.toString();
  }
}
