package io.switchboard.processor;

/** The handler annotations: each is a role a method can play in an endpoint. */
enum HandlerRole {
  COMMAND(Names.WS_COMMAND),
  OPEN(Names.ON_OPEN),
  CLOSE(Names.ON_CLOSE),
  ERROR(Names.ON_ERROR),
  BINARY(Names.ON_BINARY),
  TEXT(Names.ON_TEXT),
  EVERY(Names.EVERY);

  /** The annotation's qualified name. */
  final String annotation;

  HandlerRole(String annotation) {
    this.annotation = annotation;
  }

  /** {@code @OnOpen}, as messages name it. */
  String simpleName() {
    return "@" + annotation.substring(annotation.lastIndexOf('.') + 1);
  }

  /** Whether the annotation marks a handler method. */
  static boolean isHandlerAnnotation(String annotation) {
    for (HandlerRole role : values()) {
      if (role.annotation.equals(annotation)) {
        return true;
      }
    }
    return false;
  }
}
