package io.switchboard.processor;

/**
 * A type, or a type inside it, that has no JSON codec. {@code path} names where, from the type the
 * handler mentions down to the offending one: {@code Order.items[].meta}.
 */
final class UnsupportedTypeException extends Exception {

  private final String path;
  private final String reason;

  UnsupportedTypeException(String path, String reason) {
    super(path + ": " + reason, null, false, false);
    this.path = path;
    this.reason = reason;
  }

  String path() {
    return path;
  }

  String reason() {
    return reason;
  }
}
