package io.switchboard.processor;

import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;

/**
 * Checks a {@code @WsMessage} type: that it is a kind of type a codec can be made for, and that
 * all its members have codecs. Its codec model is left in the {@link CodecResolver}, to be written
 * with the others.
 */
final class MessageValidator {

  private final ErrorReporter errors;
  private final CodecResolver codecs;

  MessageValidator(ErrorReporter errors, CodecResolver codecs) {
    this.errors = errors;
    this.codecs = codecs;
  }

  /** Reports what is wrong with the message type, on the type or on the member at fault. */
  void check(TypeElement message) {
    ElementKind kind = message.getKind();
    if (kind != ElementKind.CLASS && kind != ElementKind.RECORD && kind != ElementKind.ENUM) {
      errors.error(ErrorKey.SwMessageKind, message, Annotations.annotation(message, Names.WS_MESSAGE), null,
          "@WsMessage goes on a record, an enum or a class, not on %s", message.getSimpleName());
      return;
    }
    try {
      codecs.resolve(message.asType(), message.getSimpleName().toString());
    } catch (UnsupportedTypeException e) {
      int before = errors.errorCount();
      codecs.reportOnMember(e, errors);
      if (errors.errorCount() == before) {
        errors.error(ErrorKey.SwUnsupportedType, message, "@WsMessage type %s: %s", message.getSimpleName(), e.getMessage());
      }
    }
  }
}
