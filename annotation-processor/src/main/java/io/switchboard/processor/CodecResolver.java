package io.switchboard.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import io.switchboard.processor.CodecModel.EnumCodec;
import io.switchboard.processor.CodecModel.EnumConstantModel;
import io.switchboard.processor.CodecModel.ObjectCodec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Decides how each payload, reply and message type is encoded: a built-in codec, a combinator, or
 * a generated codec whose {@link CodecModel} it builds (after checking every member type, all the
 * way down). Unsupported types come back as an {@link UnsupportedTypeException} naming the path, for
 * the caller to report on its own element. The members of a generated codec's type come from the
 * {@link BeanIntrospector}.
 */
final class CodecResolver {

  private static final String SUPPORTED =
      "use a record, an enum, a class with public fields or bean accessors, a primitive or its box,"
          + " String, BigDecimal, BigInteger, a java.time type, UUID, List, Set, Map<String, V>,"
          + " Optional or an array of these";

  private static final Map<String, String> BUILT_INS =
      Map.ofEntries(
          Map.entry("java.lang.String", "STRING"),
          Map.entry("java.lang.Boolean", "BOOLEAN"),
          Map.entry("java.lang.Byte", "BYTE"),
          Map.entry("java.lang.Short", "SHORT"),
          Map.entry("java.lang.Integer", "INT"),
          Map.entry("java.lang.Long", "LONG"),
          Map.entry("java.lang.Float", "FLOAT"),
          Map.entry("java.lang.Double", "DOUBLE"),
          Map.entry("java.lang.Character", "CHAR"),
          Map.entry("java.math.BigDecimal", "BIG_DECIMAL"),
          Map.entry("java.math.BigInteger", "BIG_INTEGER"),
          Map.entry("java.time.Instant", "INSTANT"),
          Map.entry("java.time.LocalDate", "LOCAL_DATE"),
          Map.entry("java.time.LocalTime", "LOCAL_TIME"),
          Map.entry("java.time.LocalDateTime", "LOCAL_DATE_TIME"),
          Map.entry("java.time.OffsetDateTime", "OFFSET_DATE_TIME"),
          Map.entry("java.time.ZonedDateTime", "ZONED_DATE_TIME"),
          Map.entry("java.time.Duration", "DURATION"),
          Map.entry("java.util.UUID", "UUID_CODEC"));

  private static final Map<String, String> COMBINATORS =
      Map.of(
          "java.util.List", "listOf",
          "java.util.Set", "setOf",
          "java.util.Map", "mapOf",
          "java.util.Optional", "optionalOf");

  private static final String JSON_NODE = "com.fasterxml.jackson.databind.JsonNode";

  private final Elements elements;
  private final Types types;
  private final Set<String> sourceTypes;
  private final Set<String> alreadyGenerated;
  private final BeanIntrospector beans;
  private final Javadoc javadoc;

  /** Types whose model is being built: a reference back to one is a recursive type, fine. */
  private final Set<String> inProgress = new HashSet<>();
  private final Map<String, UnsupportedTypeException> failures = new HashMap<>();
  private final Map<String, CodecModel> models = new TreeMap<>();
  private final Set<Element> reportedMembers = new HashSet<>();

  /**
   * @param sourceTypes every type compiled in this compilation, whose codecs are always generated
   * @param alreadyGenerated codecs generated in earlier rounds, by qualified type name
   */
  CodecResolver(ProcessingEnvironment env, Set<String> sourceTypes, Set<String> alreadyGenerated) {
    this.elements = env.getElementUtils();
    this.types = env.getTypeUtils();
    this.sourceTypes = sourceTypes;
    this.alreadyGenerated = alreadyGenerated;
    this.beans = new BeanIntrospector(types);
    this.javadoc = new Javadoc(elements);
  }

  /** The codecs to generate, found so far this round, sorted by type name. */
  Map<String, CodecModel> models() {
    return models;
  }

  /**
   * The codec of {@code type}.
   *
   * @param path where the type was found, for errors: the simple name of the handler's payload type
   * @throws UnsupportedTypeException if it, or a type inside it, has no codec
   */
  CodecRef resolve(TypeMirror type, String path) throws UnsupportedTypeException {
    switch (type.getKind()) {
      case BOOLEAN, BYTE, SHORT, INT, LONG, FLOAT, DOUBLE, CHAR -> {
        String box = types.boxedClass((PrimitiveType) type).getQualifiedName().toString();
        return new CodecRef.BuiltIn(TypeName.get(type), Names.CODECS, BUILT_INS.get(box));
      }
      case ARRAY -> {
        return resolveArray((ArrayType) type, path);
      }
      case DECLARED -> {
        return resolveDeclared((DeclaredType) type, path);
      }
      default -> throw new UnsupportedTypeException(path, type + " has no JSON codec: " + SUPPORTED);
    }
  }

  private CodecRef resolveArray(ArrayType type, String path) throws UnsupportedTypeException {
    TypeMirror component = type.getComponentType();
    if (component.getKind().isPrimitive()) {
      String constant = component.getKind().name() + "_ARRAY";
      return new CodecRef.BuiltIn(TypeName.get(type), Names.CODECS, constant);
    }
    if (component.getKind() == TypeKind.DECLARED
        && !((DeclaredType) component).getTypeArguments().isEmpty()) {
      throw new UnsupportedTypeException(
          path, "arrays of a generic type (" + type + ") have no JSON codec: use a List");
    }
    CodecRef element = resolve(component, path + "[]");
    return new CodecRef.Combinator(TypeName.get(type), "arrayOf", element, TypeName.get(types.erasure(component)));
  }

  private CodecRef resolveDeclared(DeclaredType type, String path) throws UnsupportedTypeException {
    TypeElement element = (TypeElement) type.asElement();
    String name = element.getQualifiedName().toString();
    String builtIn = BUILT_INS.get(name);
    if (builtIn != null) {
      return new CodecRef.BuiltIn(TypeName.get(type), Names.CODECS, builtIn);
    }
    if (name.equals(JSON_NODE)) {
      return new CodecRef.BuiltIn(TypeName.get(type), Names.JSON_NODE_CODEC, "INSTANCE");
    }
    String factory = COMBINATORS.get(name);
    if (factory != null) {
      return resolveCombinator(type, factory, path);
    }
    return resolveGenerated(type, element, path);
  }

  private CodecRef resolveCombinator(DeclaredType type, String factory, String path)
      throws UnsupportedTypeException {
    List<? extends TypeMirror> arguments = type.getTypeArguments();
    String simple = type.asElement().getSimpleName().toString();
    if (arguments.isEmpty()) {
      throw new UnsupportedTypeException(path, "raw " + simple + " has no JSON codec: give its type arguments");
    }
    for (TypeMirror argument : arguments) {
      if (argument.getKind() == TypeKind.WILDCARD || argument.getKind() == TypeKind.TYPEVAR) {
        throw new UnsupportedTypeException(
            path, type + " has no JSON codec: use a concrete element type, not " + argument);
      }
    }
    if (factory.equals("mapOf")) {
      if (!TypeChecks.isType(arguments.get(0), "java.lang.String")) {
        throw new UnsupportedTypeException(path, type + " has no JSON codec: map keys must be String");
      }
      return new CodecRef.Combinator(TypeName.get(type), factory, resolve(arguments.get(1), path + "{}"), null);
    }
    String elementPath = factory.equals("optionalOf") ? path : path + "[]";
    return new CodecRef.Combinator(TypeName.get(type), factory, resolve(arguments.get(0), elementPath), null);
  }

  private CodecRef resolveGenerated(DeclaredType type, TypeElement element, String path)
      throws UnsupportedTypeException {
    ClassName typeName = ClassName.get(element);
    ClassName codec = Names.generatedName(typeName, "_JsonCodec");
    CodecRef ref = new CodecRef.Generated(typeName, codec);
    String name = element.getQualifiedName().toString();
    if (inProgress.contains(name) || models.containsKey(name) || alreadyGenerated.contains(name)) {
      return ref;
    }
    UnsupportedTypeException failure = failures.get(name);
    if (failure != null) {
      throw rebase(failure, path);
    }
    if (!sourceTypes.contains(name) && elements.getTypeElement(codec.canonicalName()) != null) {
      return ref; // a library type that comes with its generated codec
    }
    inProgress.add(name);
    try {
      models.put(name, buildModel(element, typeName, codec));
      return ref;
    } catch (UnsupportedTypeException e) {
      failures.put(name, e);
      throw rebase(e, path);
    } finally {
      inProgress.remove(name);
    }
  }

  /** The failure of a type found under another path: {@code Item.price} under {@code Order.items[]}. */
  private static UnsupportedTypeException rebase(UnsupportedTypeException e, String path) {
    String inner = e.path();
    int dot = indexOfMember(inner);
    String rebased = dot < 0 ? path : path + inner.substring(dot);
    return e.at(rebased);
  }

  private static int indexOfMember(String path) {
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '.' || c == '[' || c == '{') {
        return i;
      }
    }
    return -1;
  }

  private CodecModel buildModel(TypeElement element, ClassName typeName, ClassName codec)
      throws UnsupportedTypeException {
    String path = typeName.simpleName();
    checkUsable(element, path);
    if (element.getKind() == ElementKind.ENUM) {
      List<EnumConstantModel> constants = beans.enumConstants(element);
      checkUniqueNames(constants.stream().map(EnumConstantModel::jsonName).toList(), path, "constants");
      return new EnumCodec(typeName, codec, constants);
    }
    boolean isRecord = element.getKind() == ElementKind.RECORD;
    if (!isRecord && !hasAccessibleNoArgConstructor(element)) {
      throw new UnsupportedTypeException(
          path, element.getQualifiedName() + " has no JSON codec: a class needs an accessible no-argument constructor (or make it a record)");
    }
    List<PropertyModel> properties = new ArrayList<>();
    for (BeanIntrospector.Member member : isRecord ? beans.recordComponents(element) : beans.classProperties(element)) {
      CodecRef memberCodec = resolveMember(member.declaration(), member.type(), path + "." + member.javaName());
      properties.add(new PropertyModel(member.javaName(), member.jsonName(), memberCodec, member.required(),
          member.reader(), member.writer(), member.writerIsField(), javadoc.ofMember(member.declaration())));
    }
    checkUniqueNames(properties.stream().map(PropertyModel::jsonName).toList(), path, "members");
    return new ObjectCodec(typeName, codec, isRecord, properties);
  }

  /** Two members (or constants) renamed to one JSON name could not be told apart on the wire. */
  private static void checkUniqueNames(List<String> jsonNames, String path, String what)
      throws UnsupportedTypeException {
    Set<String> seen = new HashSet<>();
    for (String name : jsonNames) {
      if (!seen.add(name)) {
        throw new UnsupportedTypeException(path, "two " + what + " have the JSON name \"" + name + "\"; rename one with @JsonProperty");
      }
    }
  }

  private void checkUsable(TypeElement element, String path) throws UnsupportedTypeException {
    String name = element.getQualifiedName().toString();
    if (name.startsWith("java.")
        || name.startsWith("javax.")
        || Names.isFrameworkPackage(elements.getPackageOf(element).getQualifiedName().toString())) {
      throw new UnsupportedTypeException(path, name + " has no JSON codec: " + SUPPORTED);
    }
    ElementKind kind = element.getKind();
    if (kind != ElementKind.CLASS && kind != ElementKind.RECORD && kind != ElementKind.ENUM) {
      throw new UnsupportedTypeException(
          path, name + " has no JSON codec: an interface or annotation type cannot be decoded; " + SUPPORTED);
    }
    if (element.getModifiers().contains(Modifier.ABSTRACT)) {
      throw new UnsupportedTypeException(path, name + " has no JSON codec: an abstract class cannot be decoded");
    }
    if (!element.getTypeParameters().isEmpty()) {
      throw new UnsupportedTypeException(
          path, name + " has no JSON codec: generic types are not supported; give each use its own type");
    }
    if (element.getNestingKind() == NestingKind.LOCAL || element.getNestingKind() == NestingKind.ANONYMOUS) {
      throw new UnsupportedTypeException(path, name + " has no JSON codec: local and anonymous classes cannot be named");
    }
    for (Element e = element; e instanceof TypeElement t; e = t.getEnclosingElement()) {
      if (t.getModifiers().contains(Modifier.PRIVATE)) {
        throw new UnsupportedTypeException(
            path, name + " has no JSON codec: " + t.getSimpleName() + " is private; make it package-private or public");
      }
      if (t.getNestingKind() == NestingKind.MEMBER
          && t.getKind() == ElementKind.CLASS
          && !t.getModifiers().contains(Modifier.STATIC)) {
        throw new UnsupportedTypeException(
            path, name + " has no JSON codec: inner class " + t.getSimpleName() + " must be static");
      }
    }
  }

  private CodecRef resolveMember(Element member, TypeMirror type, String path) throws UnsupportedTypeException {
    try {
      return resolve(type, path);
    } catch (UnsupportedTypeException e) {
      throw e.in(member);
    }
  }

  /**
   * Reports a failure on the member at fault as well, once, when it is declared in this
   * compilation: the use site says where the type is needed, the member what to change.
   */
  void reportOnMember(UnsupportedTypeException e, ErrorReporter errors) {
    Element member = e.member();
    if (member == null || !reportedMembers.add(member)) {
      return;
    }
    Element type = member.getEnclosingElement();
    if (type instanceof TypeElement declaring && sourceTypes.contains(declaring.getQualifiedName().toString())) {
      errors.error(ErrorKey.SwUnsupportedType, member, "%s", e.memberMessage());
    }
  }

  private boolean hasAccessibleNoArgConstructor(TypeElement element) {
    return ElementFilter.constructorsIn(element.getEnclosedElements()).stream()
        .anyMatch(c -> c.getParameters().isEmpty() && !c.getModifiers().contains(Modifier.PRIVATE));
  }
}
