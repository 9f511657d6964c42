package io.switchboard.processor;

import com.palantir.javapoet.ClassName;
import java.util.List;

/** A type that gets a generated {@code <Type>_JsonCodec}. */
sealed interface CodecModel {

  /** The type the codec reads and writes. */
  ClassName type();

  /** The generated codec class, {@code Outer_Inner_JsonCodec}. */
  ClassName codec();

  /**
   * A record (built through its canonical constructor) or a class with public fields and bean
   * accessors (built through its no-argument constructor, then its fields and setters).
   */
  record ObjectCodec(ClassName type, ClassName codec, boolean isRecord, List<PropertyModel> properties)
      implements CodecModel {

    /** The one String property that a text-line argument fills, if that is all there is. */
    boolean buildsFromText() {
      return properties.size() == 1
          && properties.get(0).codec().type().equals(com.palantir.javapoet.ClassName.get(String.class))
          && (isRecord || properties.get(0).writer() != null);
    }
  }

  /** An enum, written as its constants' JSON names. */
  record EnumCodec(ClassName type, ClassName codec, List<EnumConstantModel> constants)
      implements CodecModel {}

  /** One enum constant and its JSON name (its name, or {@code @JsonProperty}'s value). */
  record EnumConstantModel(String javaName, String jsonName) {}
}
