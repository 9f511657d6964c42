package io.switchboard.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;

/**
 * How generated code gets the codec of one Java type: a built-in constant of {@code Codecs}, a
 * generated {@code <Type>_JsonCodec}, or a combinator over the codec of an element type.
 */
sealed interface CodecRef {

  /** The Java type as written in generated code (a primitive stays primitive). */
  TypeName type();

  /** Whether this is a bare constant that reads well inline; combinators become named fields. */
  default boolean isSimple() {
    return !(this instanceof Combinator);
  }

  /** {@code Codecs.STRING}, {@code Codecs.INT}, {@code JsonNodeCodec.INSTANCE}… */
  record BuiltIn(TypeName type, ClassName owner, String constant) implements CodecRef {}

  /** {@code ChatLine_JsonCodec.INSTANCE}. */
  record Generated(TypeName type, ClassName codec) implements CodecRef {}

  /**
   * {@code Codecs.listOf(element)} and friends; {@code arrayElement} is set for {@code arrayOf}
   * only, the erased element type that names the array constructor ({@code Item[]::new}).
   */
  record Combinator(TypeName type, String factory, CodecRef element, TypeName arrayElement)
      implements CodecRef {}
}
