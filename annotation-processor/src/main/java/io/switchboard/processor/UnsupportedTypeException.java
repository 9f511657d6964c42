package io.switchboard.processor;

import javax.lang.model.element.Element;

/**
 * A type, or a type inside it, that has no JSON codec. {@code path} names where, from the type the
 * handler mentions down to the offending one: {@code Order.items[].meta}. When the offending type
 * is a member's (a record component, a field, a bean property), {@link #member()} is that member
 * and {@link #memberMessage()} describes it from its own type: {@code Meta.owner: …}.
 */
final class UnsupportedTypeException extends Exception {

  private final String path;
  private final String reason;
  private final Element member;
  private final String memberMessage;

  UnsupportedTypeException(String path, String reason) {
    this(path, reason, null, null);
  }

  private UnsupportedTypeException(String path, String reason, Element member, String memberMessage) {
    super(path + ": " + reason, null, false, false);
    this.path = path;
    this.reason = reason;
    this.member = member;
    this.memberMessage = memberMessage;
  }

  String path() {
    return path;
  }

  String reason() {
    return reason;
  }

  /** The member whose type is at fault, or null when the fault is not in a member. */
  Element member() {
    return member;
  }

  /** The message to report on {@link #member()}. */
  String memberMessage() {
    return memberMessage;
  }

  /** This failure, found in {@code member}; the innermost member is kept. */
  UnsupportedTypeException in(Element member) {
    return this.member != null ? this : new UnsupportedTypeException(path, reason, member, getMessage());
  }

  /** This failure under another path, keeping its member. */
  UnsupportedTypeException at(String path) {
    return new UnsupportedTypeException(path, reason, member, memberMessage);
  }
}
