package io.switchboard.processor;

import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * Reads annotations by name, as mirrors: the processor never loads the annotation classes it
 * reads, so it needs neither the API nor Jackson on its own class path.
 */
final class Annotations {

  private Annotations() {}

  /** Whether the element carries the annotation. */
  static boolean isAnnotated(Element element, String annotation) {
    return annotation(element, annotation) != null;
  }

  /** The annotation of this type on the element, or null. */
  static AnnotationMirror annotation(Element element, String annotation) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals(annotation)) {
        return mirror;
      }
    }
    return null;
  }

  /** An explicitly set value of an annotation on the element, or null. */
  static AnnotationValue annotationValue(Element element, String annotation, String member) {
    AnnotationMirror mirror = annotation(element, annotation);
    if (mirror == null) {
      return null;
    }
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        mirror.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(member)) {
        return entry.getValue();
      }
    }
    return null;
  }
}
