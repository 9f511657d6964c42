package io.switchboard.processor;

import static io.switchboard.processor.Annotations.annotationValue;
import static io.switchboard.processor.Annotations.isAnnotated;

import io.switchboard.processor.CodecModel.EnumConstantModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;

/**
 * The JSON members of a message type as its declaration shows them: record components, public
 * fields and bean accessors, with their {@code @JsonProperty} names. It says nothing about codecs;
 * the {@link CodecResolver} resolves each member's type.
 *
 * <p>Which members are required: record components are, unless their type is {@code Optional}
 * (primitives always are); fields and bean properties of classes are optional unless marked
 * {@code @JsonProperty(required = true)}.
 */
final class BeanIntrospector {

  /**
   * One JSON member, before its codec is known.
   *
   * @param declaration where an error about the member goes
   * @see PropertyModel for the other components
   */
  record Member(
      String javaName,
      String jsonName,
      TypeMirror type,
      Element declaration,
      boolean required,
      String reader,
      String writer,
      boolean writerIsField) {}

  private final Types types;

  BeanIntrospector(Types types) {
    this.types = types;
  }

  /** The constants of an enum, in declaration order. */
  List<EnumConstantModel> enumConstants(TypeElement element) {
    List<EnumConstantModel> constants = new ArrayList<>();
    for (Element member : element.getEnclosedElements()) {
      if (member.getKind() == ElementKind.ENUM_CONSTANT) {
        String javaName = member.getSimpleName().toString();
        constants.add(new EnumConstantModel(javaName, jsonName(List.of(member)).orElse(javaName)));
      }
    }
    return constants;
  }

  /** The components of a record, in declaration order. */
  List<Member> recordComponents(TypeElement element) {
    List<Member> members = new ArrayList<>();
    for (RecordComponentElement component : element.getRecordComponents()) {
      String javaName = component.getSimpleName().toString();
      List<Element> annotated = new ArrayList<>(List.of(component, component.getAccessor()));
      fieldNamed(element, javaName).ifPresent(annotated::add);
      // Errors go on the component's field: javac places it on the record header, but has no
      // source position for the component element itself.
      Element member = fieldNamed(element, javaName).map(Element.class::cast).orElse(component);
      boolean required = !TypeChecks.isType(component.asType(), "java.util.Optional");
      members.add(new Member(
          javaName, jsonName(annotated).orElse(javaName), component.asType(), member, required, javaName + "()", null, false));
    }
    return members;
  }

  private Optional<VariableElement> fieldNamed(TypeElement element, String name) {
    return ElementFilter.fieldsIn(element.getEnclosedElements()).stream()
        .filter(field -> field.getSimpleName().contentEquals(name))
        .findFirst();
  }

  /**
   * Public instance fields, then bean properties ({@code getX}/{@code isX} and {@code setX}), of
   * the class and its superclasses, superclass members first, each in declaration order.
   */
  List<Member> classProperties(TypeElement element) {
    Map<String, BeanProperty> beans = new LinkedHashMap<>();
    for (TypeElement t : TypeChecks.superclassesFirst(element)) {
      for (Element member : t.getEnclosedElements()) {
        Set<Modifier> modifiers = member.getModifiers();
        if (!modifiers.contains(Modifier.PUBLIC) || modifiers.contains(Modifier.STATIC) || isAnnotated(member, Names.JSON_IGNORE)) {
          continue;
        }
        if (member.getKind() == ElementKind.FIELD && !modifiers.contains(Modifier.TRANSIENT)) {
          String name = member.getSimpleName().toString();
          BeanProperty property = beans.computeIfAbsent(name, BeanProperty::new);
          property.type = member.asType();
          property.reader = name;
          property.annotated.add(member);
          if (!modifiers.contains(Modifier.FINAL) && property.writer == null) {
            property.writer = name;
            property.writerIsField = true;
          }
        } else if (member.getKind() == ElementKind.METHOD) {
          addAccessor((ExecutableElement) member, beans);
        }
      }
    }
    List<Member> members = new ArrayList<>();
    for (BeanProperty bean : beans.values()) {
      if (bean.type == null) {
        continue; // a setter without a getter or field: nothing to write, and nothing says its JSON name
      }
      if (bean.writerType != null && !types.isSameType(bean.type, bean.writerType)) {
        bean.writer = null; // a setter of another type than the getter's is not this property's
      }
      members.add(new Member(bean.name, jsonName(bean.annotated).orElse(bean.name), bean.type, bean.annotated.get(0),
          isRequired(bean.annotated), bean.reader, bean.writer, bean.writerIsField));
    }
    return members;
  }

  /** One property of a class as its members reveal it. */
  private static final class BeanProperty {
    final String name;
    TypeMirror type;
    String reader;
    String writer;
    /** The setter's parameter type; null for a field, whose type is the property's. */
    TypeMirror writerType;
    boolean writerIsField;
    final List<Element> annotated = new ArrayList<>();

    BeanProperty(String name) {
      this.name = name;
    }
  }

  private void addAccessor(ExecutableElement method, Map<String, BeanProperty> beans) {
    String name = method.getSimpleName().toString();
    int parameters = method.getParameters().size();
    TypeMirror returns = method.getReturnType();
    if (parameters == 0 && returns.getKind() != TypeKind.VOID && method.getTypeParameters().isEmpty()) {
      String property = null;
      if (name.startsWith("get") && name.length() > 3 && !name.equals("getClass")) {
        property = decapitalize(name.substring(3));
      } else if (name.startsWith("is") && name.length() > 2 && returns.getKind() == TypeKind.BOOLEAN) {
        property = decapitalize(name.substring(2));
      }
      if (property != null) {
        BeanProperty bean = beans.computeIfAbsent(property, BeanProperty::new);
        bean.type = returns;
        bean.reader = name + "()";
        bean.annotated.add(method);
      }
    } else if (parameters == 1 && returns.getKind() == TypeKind.VOID && name.startsWith("set") && name.length() > 3) {
      String property = decapitalize(name.substring(3));
      BeanProperty bean = beans.computeIfAbsent(property, BeanProperty::new);
      if (bean.writer == null || bean.writerIsField) { // a setter wins over a public field
        bean.writer = name;
        bean.writerType = method.getParameters().get(0).asType();
        bean.writerIsField = false;
        bean.annotated.add(method);
      }
    }
  }

  /**
   * The property name of an accessor's suffix, as java.beans has it: {@code Name} → {@code name},
   * but {@code URL} stays {@code URL}.
   */
  private static String decapitalize(String suffix) {
    if (suffix.length() > 1 && Character.isUpperCase(suffix.charAt(0)) && Character.isUpperCase(suffix.charAt(1))) {
      return suffix;
    }
    return Character.toLowerCase(suffix.charAt(0)) + suffix.substring(1);
  }

  private Optional<String> jsonName(List<? extends Element> annotated) {
    for (Element element : annotated) {
      AnnotationValue value = annotationValue(element, Names.JSON_PROPERTY, "value");
      if (value != null && !value.getValue().toString().isEmpty()) {
        return Optional.of(value.getValue().toString());
      }
    }
    return Optional.empty();
  }

  private boolean isRequired(List<? extends Element> annotated) {
    for (Element element : annotated) {
      AnnotationValue value = annotationValue(element, Names.JSON_PROPERTY, "required");
      if (value != null && Boolean.TRUE.equals(value.getValue())) {
        return true;
      }
    }
    return false;
  }
}
