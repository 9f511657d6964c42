package io.switchboard.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Turns {@link CodecRef}s into code. A bare codec reads best inline ({@code Codecs.STRING}, {@code
 * Item_JsonCodec.INSTANCE}); a combinator is built once into a constant named after its type
 * ({@code LIST_OF_ITEM}), which {@link #fields()} declares.
 */
final class CodecExpressions {

  /** The class that will hold the constants, or null to refer to them by their bare name. */
  private final ClassName holder;
  private final Map<TypeName, FieldSpec> fields = new LinkedHashMap<>();
  private final Set<String> names = new HashSet<>();

  CodecExpressions(ClassName holder) {
    this.holder = holder;
  }

  /** An expression for the codec: inline, or the name of a constant declared by {@link #fields()}. */
  CodeBlock of(CodecRef ref) {
    if (ref.isSimple()) {
      return inline(ref);
    }
    FieldSpec field = fields.computeIfAbsent(ref.type(), type -> constant(ref));
    return holder == null ? CodeBlock.of("$N", field) : CodeBlock.of("$T.$N", holder, field);
  }

  /** The constants that the expressions handed out so far refer to, in first-use order. */
  List<FieldSpec> fields() {
    return new ArrayList<>(fields.values());
  }

  private FieldSpec constant(CodecRef ref) {
    String name = constantName(ref);
    String unique = name;
    for (int i = 2; !names.add(unique); i++) {
      unique = name + "_" + i;
    }
    TypeName codecType = ParameterizedTypeName.get(Names.JSON_CODEC, ref.type().box());
    return FieldSpec.builder(codecType, unique, Modifier.STATIC, Modifier.FINAL)
        .initializer(inline(ref))
        .build();
  }

  /** The whole expression, nested combinators included: {@code Codecs.mapOf(Codecs.listOf(…))}. */
  static CodeBlock inline(CodecRef ref) {
    if (ref instanceof CodecRef.BuiltIn builtIn) {
      return CodeBlock.of("$T.$L", builtIn.owner(), builtIn.constant());
    }
    if (ref instanceof CodecRef.Generated generated) {
      return CodeBlock.of("$T.INSTANCE", generated.codec());
    }
    CodecRef.Combinator combinator = (CodecRef.Combinator) ref;
    if (combinator.arrayElement() != null) {
      return CodeBlock.of(
          "$T.arrayOf($L, $T[]::new)", Names.CODECS, inline(combinator.element()), combinator.arrayElement());
    }
    return CodeBlock.of("$T.$L($L)", Names.CODECS, combinator.factory(), inline(combinator.element()));
  }

  /** {@code LIST_OF_ITEM}, {@code MAP_OF_LIST_OF_INT}, {@code OPTIONAL_OF_INSTANT}. */
  private static String constantName(CodecRef ref) {
    if (ref instanceof CodecRef.BuiltIn builtIn) {
      return builtIn.owner().equals(Names.CODECS)
          ? builtIn.constant().replace("_CODEC", "")
          : Names.upperSnake(builtIn.owner().simpleName().replace("Codec", ""));
    }
    if (ref instanceof CodecRef.Generated generated) {
      return Names.upperSnake(((ClassName) generated.type()).simpleName());
    }
    CodecRef.Combinator combinator = (CodecRef.Combinator) ref;
    return Names.upperSnake(combinator.factory()) + "_" + constantName(combinator.element());
  }
}
