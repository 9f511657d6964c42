package io.switchboard.processor;

import com.palantir.javapoet.ClassName;
import java.util.List;
import java.util.Optional;

/** What a command's messages carry, as both contract writers describe them. */
final class ContractShapes {

  /** The error codes every command may answer with, whatever its endpoint declares. */
  static final List<String> FRAMEWORK_ERRORS = List.of("bad_request", "unknown_command", "internal");

  private static final CodecRef TEXT = new CodecRef.BuiltIn(ClassName.get(String.class), Names.CODECS, "STRING");

  private ContractShapes() {}

  /** The payload a command reads from {@code data}; empty when it takes none. */
  static Optional<CodecRef> request(CommandModel command) {
    for (HandlerCall.Argument argument : command.call().arguments()) {
      if (argument instanceof HandlerCall.PayloadDecoded decoded) {
        return Optional.of(decoded.codec());
      }
      if (argument instanceof HandlerCall.PayloadText) {
        return Optional.of(TEXT);
      }
    }
    return Optional.empty();
  }

  /** What the reply's {@code data} holds; empty for a {@code void} command, whose reply is an acknowledgement. */
  static Optional<CodecRef> reply(CommandModel command) {
    HandlerCall.Returns returns = command.call().returns();
    if (returns instanceof HandlerCall.ReturnsValue value) {
      return Optional.of(value.codec());
    }
    if (returns instanceof HandlerCall.ReturnsAsync async) {
      return Optional.ofNullable(async.codec());
    }
    return Optional.empty();
  }
}
