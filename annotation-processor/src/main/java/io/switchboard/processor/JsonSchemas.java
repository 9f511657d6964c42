package io.switchboard.processor;

import com.palantir.javapoet.ClassName;
import io.switchboard.processor.CodecModel.EnumCodec;
import io.switchboard.processor.CodecModel.EnumConstantModel;
import io.switchboard.processor.CodecModel.ObjectCodec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON Schema of each type as its codec reads and writes it, as a tree of maps and lists for
 * {@link JsonTrees} to write. Only keywords that mean the same in draft 2020-12 and in the draft-07
 * superset that AsyncAPI 3.0 embeds are used, so one schema serves both.
 *
 * <p>A member of a reference type may be null; the elements of a collection and the values of a
 * map are described as present (a null in a list sent to a browser is taken for a bug, and a
 * client would otherwise have to test every element).
 *
 * <p>A schema accepts what the codec writes and the lenient spellings {@code docs/annotations.md}
 * lists (numbers and booleans in strings, {@code "NaN"}); the range of a number in a string is not
 * checked, and blanks around an enum name (which the codec trims) are not accepted.
 */
final class JsonSchemas {

  private static final String INTEGER_TEXT = "^\\s*[+-]?[0-9]+\\s*$";
  private static final String DECIMAL_TEXT = "^\\s*[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?\\s*$";
  private static final String FLOAT_TEXT = "^(\\s*[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?\\s*|NaN|Infinity|-Infinity)$";
  private static final String BOOLEAN_TEXT = "^([Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee])$";

  private final Map<ClassName, String> names;
  private final String prefix;

  /**
   * @param names the generated types' names, referenced as {@code prefix + name}
   * @param prefix {@code "#/components/schemas/"}
   */
  JsonSchemas(Map<ClassName, String> names, String prefix) {
    this.names = names;
    this.prefix = prefix;
  }

  /** The definition of a generated type, under {@code components/schemas}. */
  Map<String, Object> definition(CodecModel model, String description) {
    Map<String, Object> schema = new LinkedHashMap<>();
    if (!description.isEmpty()) {
      schema.put("description", description);
    }
    if (model instanceof EnumCodec enumCodec) {
      schema.put("type", "string");
      schema.put("enum", enumCodec.constants().stream().map(EnumConstantModel::jsonName).toList());
      return schema;
    }
    ObjectCodec object = (ObjectCodec) model;
    schema.put("type", "object");
    Map<String, Object> properties = new LinkedHashMap<>();
    List<String> required = new ArrayList<>();
    for (PropertyModel property : object.properties()) {
      Map<String, Object> member = member(property.codec());
      if (!property.description().isEmpty()) {
        member = new LinkedHashMap<>(member);
        member.put("description", property.description());
      }
      properties.put(property.jsonName(), member);
      if (property.required()) {
        required.add(property.jsonName());
      }
    }
    schema.put("properties", properties);
    if (!required.isEmpty()) {
      schema.put("required", required);
    }
    return schema;
  }

  /** A library type whose codec came with it: the contract knows its name only. */
  static Map<String, Object> opaque(ClassName type) {
    return Map.of("description", type.canonicalName() + ", encoded by the codec its library ships");
  }

  /** The schema of a member: a reference type may be null. */
  Map<String, Object> member(CodecRef codec) {
    Map<String, Object> schema = of(codec);
    if (codec.type().isPrimitive() || schema.isEmpty()) {
      return schema;
    }
    return nullable(schema);
  }

  /** The schema of a value that is present: a payload, an element, a map value. */
  Map<String, Object> of(CodecRef codec) {
    if (codec instanceof CodecRef.Generated generated) {
      return Map.of("$ref", prefix + names.get((ClassName) generated.type()));
    }
    if (codec instanceof CodecRef.Combinator combinator) {
      return switch (combinator.factory()) {
        case "optionalOf" -> of(combinator.element());
        case "mapOf" -> ordered("type", "object", "additionalProperties", of(combinator.element()));
        default -> ordered("type", "array", "items", of(combinator.element()));
      };
    }
    return builtIn(((CodecRef.BuiltIn) codec).constant());
  }

  private static Map<String, Object> builtIn(String constant) {
    return switch (constant) {
      case "STRING" -> ordered("type", List.of("string", "number", "boolean"));
      case "CHAR" -> ordered("type", "string", "minLength", 1, "maxLength", 1);
      case "BOOLEAN" -> anyOf(ordered("type", "boolean"), ordered("enum", List.of(0, 1)), text(BOOLEAN_TEXT));
      case "BYTE" -> integer(Byte.MIN_VALUE, Byte.MAX_VALUE);
      case "SHORT" -> integer(Short.MIN_VALUE, Short.MAX_VALUE);
      case "INT" -> integer(Integer.MIN_VALUE, Integer.MAX_VALUE);
      case "LONG" -> integer(Long.MIN_VALUE, Long.MAX_VALUE);
      case "FLOAT" -> anyOf(ordered("type", "number", "minimum", -Float.MAX_VALUE, "maximum", Float.MAX_VALUE), text(FLOAT_TEXT));
      case "DOUBLE" -> anyOf(ordered("type", "number", "minimum", -Double.MAX_VALUE, "maximum", Double.MAX_VALUE), text(FLOAT_TEXT));
      case "BIG_DECIMAL" -> anyOf(ordered("type", "number"), text(DECIMAL_TEXT));
      case "BIG_INTEGER" -> anyOf(ordered("type", "integer"), text(INTEGER_TEXT));
      case "INSTANT", "OFFSET_DATE_TIME" -> ordered("type", "string", "format", "date-time");
      case "ZONED_DATE_TIME" -> ordered("type", "string", "description", "an ISO-8601 date-time with offset, and zone in brackets: 2024-05-01T10:15:30+02:00[Europe/Paris]");
      case "LOCAL_DATE" -> ordered("type", "string", "format", "date");
      case "LOCAL_TIME" -> ordered("type", "string", "pattern", "^[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?$");
      case "LOCAL_DATE_TIME" -> ordered("type", "string",
          "pattern", "^[+-]?[0-9]{4,}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?$");
      case "DURATION" -> ordered("type", "string", "format", "duration");
      case "UUID_CODEC" -> ordered("type", "string", "format", "uuid");
      case "BYTE_ARRAY" -> ordered("type", "string", "contentEncoding", "base64");
      case "CHAR_ARRAY" -> ordered("type", "string");
      case "BOOLEAN_ARRAY" -> array(ordered("type", "boolean"));
      case "SHORT_ARRAY" -> array(integer(Short.MIN_VALUE, Short.MAX_VALUE));
      case "INT_ARRAY" -> array(integer(Integer.MIN_VALUE, Integer.MAX_VALUE));
      case "LONG_ARRAY" -> array(integer(Long.MIN_VALUE, Long.MAX_VALUE));
      case "FLOAT_ARRAY", "DOUBLE_ARRAY" -> array(ordered("type", "number"));
      default -> new LinkedHashMap<>(); // JsonNode: any JSON
    };
  }

  private static Map<String, Object> integer(long min, long max) {
    return anyOf(ordered("type", "integer", "minimum", min, "maximum", max), text(INTEGER_TEXT));
  }

  private static Map<String, Object> text(String pattern) {
    return ordered("type", "string", "pattern", pattern);
  }

  private static Map<String, Object> array(Map<String, Object> items) {
    return ordered("type", "array", "items", items);
  }

  private static Map<String, Object> anyOf(Object... schemas) {
    return ordered("anyOf", List.of(schemas));
  }

  /** The schema or null: {@code "type":["string","null"]} where it reads so, else anyOf. */
  private static Map<String, Object> nullable(Map<String, Object> schema) {
    if (schema.get("type") instanceof String type && !schema.containsKey("enum")) {
      Map<String, Object> copy = new LinkedHashMap<>(schema);
      copy.put("type", List.of(type, "null"));
      return copy;
    }
    if (schema.get("type") instanceof List<?> types) {
      Map<String, Object> copy = new LinkedHashMap<>(schema);
      List<Object> withNull = new ArrayList<>(types);
      withNull.add("null");
      copy.put("type", withNull);
      return copy;
    }
    if (schema.get("anyOf") instanceof List<?> alternatives) {
      List<Object> withNull = new ArrayList<>(alternatives);
      withNull.add(ordered("type", "null"));
      return anyOf(withNull.toArray());
    }
    return anyOf(schema, ordered("type", "null"));
  }

  /** A map of these keys and values, in this order. */
  static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
