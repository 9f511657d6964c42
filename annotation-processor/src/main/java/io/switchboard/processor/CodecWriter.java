package io.switchboard.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.switchboard.processor.CodecModel.EnumCodec;
import io.switchboard.processor.CodecModel.EnumConstantModel;
import io.switchboard.processor.CodecModel.ObjectCodec;
import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <Type>_JsonCodec}: a singleton {@code JsonCodec} on Jackson's streaming API. Objects
 * are read with a {@code nextFieldName()} + {@code switch} loop that skips unknown members and
 * written with their names kept in {@code SerializedString} constants; enums by their JSON names.
 *
 * <p>Codecs of member types that need building ({@code Codecs.listOf(Item_JsonCodec.INSTANCE)})
 * live in a nested {@code MemberCodecs} class, initialized on first use: as static fields of the
 * codec itself they would tie its class initialization to its members' codecs', which for
 * mutually recursive types can deadlock two threads initializing both at once.
 */
final class CodecWriter {

  private static final ClassName IO_EXCEPTION = ClassName.get(IOException.class);
  /** The locals of a record's read method besides its components. */
  private static final Set<String> RESERVED = Set.of("parser", "member", "refusal");

  private CodecWriter() {}

  static TypeSpec write(CodecModel model) {
    return model instanceof ObjectCodec object ? writeObject(object) : writeEnum((EnumCodec) model);
  }

  private static TypeSpec.Builder codecClass(CodecModel model) {
    ClassName codec = model.codec();
    return TypeSpec.classBuilder(codec)
        .addJavadoc("Reads and writes {@link $T} as JSON; generated from its declaration.\n", model.type())
        .addAnnotation(AnnotationSpec.builder(Names.GENERATED).addMember("value", "$S", Names.PROCESSOR).build())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(ParameterizedTypeName.get(Names.JSON_CODEC, model.type()))
        .addField(FieldSpec.builder(codec, "INSTANCE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .initializer("new $T()", codec)
            .build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
  }

  // ---- objects -------------------------------------------------------------------------------

  private static TypeSpec writeObject(ObjectCodec model) {
    ClassName holder = model.codec().nestedClass("MemberCodecs");
    CodecExpressions codecs = new CodecExpressions(holder);
    Map<PropertyModel, String> nameConstants = nameConstants(model.properties());
    TypeSpec.Builder type = codecClass(model);
    nameConstants.forEach((property, constant) -> type.addField(
        FieldSpec.builder(Names.SERIALIZED_STRING, constant, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer("new $T($S)", Names.SERIALIZED_STRING, property.jsonName())
            .build()));
    type.addMethod(readObject(model, codecs));
    type.addMethod(writeObject(model, codecs, nameConstants));
    if (model.buildsFromText()) {
      type.addMethod(fromText(model));
    }
    List<FieldSpec> memberCodecs = codecs.fields();
    if (!memberCodecs.isEmpty()) {
      type.addType(TypeSpec.classBuilder(holder)
          .addJavadoc("The member codecs that need building, created on first use.\n")
          .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .addFields(memberCodecs)
          .build());
    }
    return type.build();
  }

  /** {@code FIRST_NAME} for the member {@code firstName}, unique within the class. */
  private static Map<PropertyModel, String> nameConstants(List<PropertyModel> properties) {
    Map<PropertyModel, String> constants = new LinkedHashMap<>();
    Set<String> taken = new HashSet<>(Set.of("INSTANCE"));
    for (PropertyModel property : properties) {
      String base = Names.upperSnake(property.javaName());
      String name = base;
      for (int i = 2; !taken.add(name); i++) {
        name = base + "_" + i;
      }
      constants.put(property, name);
    }
    return constants;
  }

  private static MethodSpec readObject(ObjectCodec model, CodecExpressions codecs) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("read")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(model.type())
        .addParameter(Names.JSON_PARSER, "parser")
        .addException(IO_EXCEPTION);
    method.beginControlFlow("if (parser.currentToken() == $T.VALUE_NULL)", Names.JSON_TOKEN)
        .addStatement("return null")
        .endControlFlow()
        .beginControlFlow("if (parser.currentToken() != $T.START_OBJECT)", Names.JSON_TOKEN)
        .addStatement("throw $T.expected(parser, $S)", Names.JSON_DECODE_EXCEPTION, "an object")
        .endControlFlow();

    Locals locals = new Locals(model.properties());
    if (model.isRecord()) {
      for (PropertyModel property : model.properties()) {
        method.addStatement("$T $L = $L", property.codec().type(), locals.value(property), initialValue(property));
      }
    } else {
      method.addStatement("$T value = new $T()", model.type(), model.type());
    }
    for (PropertyModel property : model.properties()) {
      if (property.required() && isRead(model, property)) {
        method.addStatement("boolean $L = false", locals.seen(property));
      }
    }
    method.addStatement("String member");
    if (!model.isRecord()) {
      method.beginControlFlow("try"); // setters may validate, see the catch below
    }
    method.beginControlFlow("while ((member = parser.nextFieldName()) != null)")
        .addStatement("parser.nextToken()")
        .beginControlFlow("switch (member)");
    for (PropertyModel property : model.properties()) {
      if (!isRead(model, property)) {
        continue;
      }
      CodeBlock read = readValue(property, codecs);
      CodeBlock assign = model.isRecord()
          ? CodeBlock.of("$L = $L", locals.value(property), read)
          : property.writerIsField()
              ? CodeBlock.of("value.$L = $L", property.writer(), read)
              : CodeBlock.of("value.$L($L)", property.writer(), read);
      if (property.required()) {
        method.addCode("case $S -> {\n$>", property.jsonName())
            .addStatement(assign)
            .addStatement("$L = true", locals.seen(property))
            .addCode("$<}\n");
      } else {
        method.addCode("case $S -> $L;\n", property.jsonName(), assign);
      }
    }
    method.addCode("default -> parser.skipChildren();\n")
        .endControlFlow()
        .endControlFlow();
    if (!model.isRecord()) {
      // A setter that validates refuses with these; the client sent a bad value for the member.
      method.nextControlFlow("catch ($T | $T refusal)", IllegalArgumentException.class, NullPointerException.class)
          .addStatement("throw $T.invalid(parser, refusal)", Names.JSON_DECODE_EXCEPTION)
          .endControlFlow();
    }
    for (PropertyModel property : model.properties()) {
      if (property.required() && isRead(model, property)) {
        method.beginControlFlow("if (!$L)", locals.seen(property))
            .addStatement("throw $T.missingField(parser, $S)", Names.JSON_DECODE_EXCEPTION, property.jsonName())
            .endControlFlow();
      }
    }
    if (model.isRecord()) {
      // A compact constructor that validates refuses with these; the client sent a bad value.
      String arguments = model.properties().stream().map(locals::value).collect(Collectors.joining(", "));
      method.beginControlFlow("try")
          .addStatement("return new $T($L)", model.type(), arguments)
          .nextControlFlow("catch ($T | $T refusal)", IllegalArgumentException.class, NullPointerException.class)
          .addStatement("throw $T.invalid(parser, refusal)", Names.JSON_DECODE_EXCEPTION)
          .endControlFlow();
    } else {
      method.addStatement("return value");
    }
    return method.build();
  }

  private static boolean isRead(ObjectCodec model, PropertyModel property) {
    return model.isRecord() || property.writer() != null;
  }

  /** The codec call that reads a member; primitives must not be {@code null}. */
  private static CodeBlock readValue(PropertyModel property, CodecExpressions codecs) {
    CodeBlock codec = codecs.of(property.codec());
    return property.codec().type().isPrimitive()
        ? CodeBlock.of("$T.readNonNull(parser, $L)", Names.CODECS, codec)
        : CodeBlock.of("$L.read(parser)", codec);
  }

  /** What a record component is when its member is absent: empty for Optional, else the default. */
  private static CodeBlock initialValue(PropertyModel property) {
    TypeName type = property.codec().type();
    if (!property.required()) {
      return CodeBlock.of("$T.empty()", Optional.class);
    }
    if (type == TypeName.BOOLEAN) {
      return CodeBlock.of("false");
    }
    if (type == TypeName.CHAR) {
      return CodeBlock.of("'\\0'");
    }
    return type.isPrimitive() ? CodeBlock.of("0") : CodeBlock.of("null");
  }

  /** The start of every codec's {@code write}: its signature, and {@code null} written as null. */
  private static MethodSpec.Builder writeMethodWritingNull(TypeName valueType) {
    return MethodSpec.methodBuilder("write")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addParameter(Names.JSON_GENERATOR, "generator")
        .addParameter(valueType, "value")
        .addException(IO_EXCEPTION)
        .beginControlFlow("if (value == null)")
        .addStatement("generator.writeNull()")
        .addStatement("return")
        .endControlFlow();
  }

  private static MethodSpec writeObject(ObjectCodec model, CodecExpressions codecs, Map<PropertyModel, String> names) {
    MethodSpec.Builder method = writeMethodWritingNull(model.type())
        .addStatement("generator.writeStartObject()");
    for (PropertyModel property : model.properties()) {
      if (property.reader() == null) {
        continue;
      }
      method.addStatement("generator.writeFieldName($L)", names.get(property));
      method.addStatement(writeValue(property, CodeBlock.of("value.$L", property.reader()), codecs));
    }
    return method.addStatement("generator.writeEndObject()").build();
  }

  /** Primitives go straight to the generator; everything else through its codec. */
  private static CodeBlock writeValue(PropertyModel property, CodeBlock value, CodecExpressions codecs) {
    TypeName type = property.codec().type();
    if (type == TypeName.BOOLEAN) {
      return CodeBlock.of("generator.writeBoolean($L)", value);
    }
    if (type == TypeName.CHAR) {
      return CodeBlock.of("generator.writeString($T.valueOf($L))", String.class, value);
    }
    if (type.isPrimitive()) {
      return CodeBlock.of("generator.writeNumber($L)", value);
    }
    return CodeBlock.of("$L.write(generator, $L)", codecs.of(property.codec()), value);
  }

  private static MethodSpec fromText(ObjectCodec model) {
    PropertyModel property = model.properties().get(0);
    MethodSpec.Builder method = MethodSpec.methodBuilder("fromText")
        .addJavadoc("A text-line argument is the $L itself: {@code say hello there}.\n", property.javaName())
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(model.type())
        .addParameter(String.class, "text");
    if (model.isRecord()) {
      return method.beginControlFlow("try")
          .addStatement("return new $T(text)", model.type())
          .nextControlFlow("catch ($T | $T refusal)", IllegalArgumentException.class, NullPointerException.class)
          .addStatement("throw $T.invalid($S, refusal)", Names.JSON_DECODE_EXCEPTION, "$")
          .endControlFlow()
          .build();
    }
    method.addStatement("$T value = new $T()", model.type(), model.type());
    if (property.writerIsField()) {
      method.addStatement("value.$L = text", property.writer());
    } else {
      method.addStatement("value.$L(text)", property.writer());
    }
    return method.addStatement("return value").build();
  }

  /** Local variable names of a record's components, clear of the names the read method uses. */
  private static final class Locals {
    private final Map<PropertyModel, String> values = new LinkedHashMap<>();
    private final Map<PropertyModel, String> seen = new LinkedHashMap<>();

    Locals(List<PropertyModel> properties) {
      Set<String> taken = new HashSet<>(RESERVED);
      for (PropertyModel property : properties) {
        values.put(property, unique(property.javaName(), taken));
      }
      for (PropertyModel property : properties) {
        String name = property.javaName();
        seen.put(property, unique("has" + Character.toUpperCase(name.charAt(0)) + name.substring(1), taken));
      }
    }

    private static String unique(String name, Set<String> taken) {
      String candidate = name;
      for (int i = 2; !taken.add(candidate); i++) {
        candidate = name + i;
      }
      return candidate;
    }

    String value(PropertyModel property) {
      return values.get(property);
    }

    String seen(PropertyModel property) {
      return seen.get(property);
    }
  }

  // ---- enums ---------------------------------------------------------------------------------

  private static TypeSpec writeEnum(EnumCodec model) {
    TypeSpec.Builder type = codecClass(model);
    String choices = model.constants().stream()
        .map(c -> "\"" + c.jsonName().replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
        .collect(Collectors.joining(", "));
    for (EnumConstantModel constant : model.constants()) {
      type.addField(FieldSpec.builder(Names.SERIALIZED_STRING, constant.javaName() + "_JSON",
              Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .initializer("new $T($S)", Names.SERIALIZED_STRING, constant.jsonName())
          .build());
    }
    String expected = "one of " + choices;

    MethodSpec.Builder byName = MethodSpec.methodBuilder("byName")
        .addJavadoc("The constant with this JSON name, or null.\n")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(model.type())
        .addParameter(String.class, "name")
        .addCode("return switch (name) {\n$>");
    for (EnumConstantModel constant : model.constants()) {
      byName.addCode("case $S -> $T.$L;\n", constant.jsonName(), model.type(), constant.javaName());
    }
    byName.addCode("default -> null;\n$<};\n");

    MethodSpec read = MethodSpec.methodBuilder("read")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(model.type())
        .addParameter(Names.JSON_PARSER, "parser")
        .addException(IO_EXCEPTION)
        .beginControlFlow("if (parser.currentToken() == $T.VALUE_NULL)", Names.JSON_TOKEN)
        .addStatement("return null")
        .endControlFlow()
        .beginControlFlow("if (parser.currentToken() != $T.VALUE_STRING)", Names.JSON_TOKEN)
        .addStatement("throw $T.expected(parser, $S)", Names.JSON_DECODE_EXCEPTION, expected)
        .endControlFlow()
        // Surrounding blanks are forgiven, as databind and the text-line form forgive them.
        .addStatement("$T constant = byName(parser.getText().strip())", model.type())
        .beginControlFlow("if (constant == null)")
        .addStatement("throw $T.unexpectedValue(parser, $S)", Names.JSON_DECODE_EXCEPTION, expected)
        .endControlFlow()
        .addStatement("return constant")
        .build();

    MethodSpec.Builder write = writeMethodWritingNull(model.type());
    if (model.constants().isEmpty()) {
      write.addStatement("throw new $T()", AssertionError.class);
    } else {
      write.addCode("generator.writeString(switch (value) {\n$>");
      for (EnumConstantModel constant : model.constants()) {
        write.addCode("case $L -> $L;\n", constant.javaName(), constant.javaName() + "_JSON");
      }
      write.addCode("$<});\n");
    }

    MethodSpec fromText = MethodSpec.methodBuilder("fromText")
        .addJavadoc("A text-line argument is a constant's JSON name.\n")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(model.type())
        .addParameter(String.class, "text")
        .addStatement("$T constant = byName(text.strip())", model.type())
        .beginControlFlow("if (constant == null)")
        .addStatement("throw $T.unexpectedText($S, text)", Names.JSON_DECODE_EXCEPTION, expected)
        .endControlFlow()
        .addStatement("return constant")
        .build();

    return type.addMethod(read).addMethod(write.build()).addMethod(fromText).addMethod(byName.build()).build();
  }
}
