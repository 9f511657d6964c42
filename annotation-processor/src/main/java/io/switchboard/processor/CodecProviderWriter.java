package io.switchboard.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <package>.Switchboard_Codecs}, the {@code CodecProvider} that registers a
 * package's generated codecs by type, for payloads whose type is known only at run time (what a
 * handler hands to {@code Broadcaster}).
 */
final class CodecProviderWriter {

  private CodecProviderWriter() {}

  /**
   * @param provider the class to write
   * @param codecs the codecs of the package, sorted by type name
   */
  static TypeSpec write(ClassName provider, List<CodecModel> codecs) {
    TypeName wildcard = WildcardTypeName.subtypeOf(Object.class);
    TypeName map = ParameterizedTypeName.get(ClassName.get(Map.class),
        ParameterizedTypeName.get(ClassName.get(Class.class), wildcard),
        ParameterizedTypeName.get(Names.JSON_CODEC, wildcard));
    CodeBlock.Builder entries = CodeBlock.builder().add("return $T.ofEntries(\n$>$>", Map.class);
    for (int i = 0; i < codecs.size(); i++) {
      CodecModel codec = codecs.get(i);
      entries.add("$T.entry($T.class, $T.INSTANCE)", Map.class, codec.type(), codec.codec());
      entries.add(i + 1 < codecs.size() ? ",\n" : "$<$<");
    }
    entries.add(");\n");
    return TypeSpec.classBuilder(provider)
        .addJavadoc("The JSON codecs generated for this package, for the codec registry.\n")
        .addAnnotation(AnnotationSpec.builder(Names.GENERATED).addMember("value", "$S", Names.PROCESSOR).build())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(Names.CODEC_PROVIDER)
        .addMethod(MethodSpec.methodBuilder("codecs")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(map)
            .addCode(entries.build())
            .build())
        .build();
  }
}
