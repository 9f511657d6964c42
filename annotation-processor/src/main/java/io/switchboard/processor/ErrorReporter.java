package io.switchboard.processor;

import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Reports compile errors on the element (and, where there is one, the annotation value) at fault.
 * Every message starts with a stable key, {@code [SwDuplicateCommand] …}, that docs and tests
 * refer to. Reporting never stops processing: all mistakes of a compilation are reported at once.
 */
final class ErrorReporter {

  private final Messager messager;
  private int errorCount;

  ErrorReporter(Messager messager) {
    this.messager = messager;
  }

  void error(ErrorKey key, Element element, String format, Object... args) {
    messager.printMessage(Diagnostic.Kind.ERROR, key.format(format, args), element);
    errorCount++;
  }

  /** An error whose caret goes on an annotation (or one of its values, when not null). */
  void error(
      ErrorKey key,
      Element element,
      AnnotationMirror annotation,
      AnnotationValue value,
      String format,
      Object... args) {
    if (annotation == null) {
      error(key, element, format, args);
      return;
    }
    String message = key.format(format, args);
    if (value == null) {
      messager.printMessage(Diagnostic.Kind.ERROR, message, element, annotation);
    } else {
      messager.printMessage(Diagnostic.Kind.ERROR, message, element, annotation, value);
    }
    errorCount++;
  }

  /** How many errors were reported so far; lets a validator tell whether its element was clean. */
  int errorCount() {
    return errorCount;
  }
}
