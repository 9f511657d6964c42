package io.switchboard.processor;

import com.palantir.javapoet.TypeName;
import java.util.List;

/**
 * A call of one handler method: its arguments in order and what it returns.
 *
 * @param method the method name
 * @param description {@code "ChatEndpoint#say(ChatLine, Broadcaster)"}, for listings and comments
 */
record HandlerCall(String method, String description, List<Argument> arguments, Returns returns) {

  /** Where one argument comes from. */
  sealed interface Argument {}

  /** An injectable type read from the {@code HandlerContext}: {@code context.session()}. */
  record FromContext(String accessor) implements Argument {}

  /**
   * A value of the endpoint's URI template: {@code PathParams.text(context, "item")}, or converted
   * with a codec's {@code fromText} when {@code codec} is not null.
   */
  record PathParamArgument(String name, CodecRef codec) implements Argument {}

  /** The command payload as text: {@code payload.text()}. */
  record PayloadText() implements Argument {}

  /** The command payload decoded: {@code payload.read(codec)}. */
  record PayloadDecoded(CodecRef codec) implements Argument {}

  /** The {@code CloseReason} of an {@code @OnClose} method. */
  record CloseReasonArgument() implements Argument {}

  /** The error of an {@code @OnError} method, of this type (Throwable or a subtype). */
  record ErrorArgument(TypeName type) implements Argument {}

  /** The raw text of an {@code @OnText} method. */
  record RawText() implements Argument {}

  /** The message of an {@code @OnBinary} method, as {@code byte[]} or {@code ByteBuffer}. */
  record BinaryArgument(boolean asByteArray) implements Argument {}

  /** What the method returns. */
  sealed interface Returns {}

  record ReturnsVoid() implements Returns {}

  /** A value encoded with the codec. */
  record ReturnsValue(CodecRef codec) implements Returns {}

  /** A {@code CompletionStage} of a value (codec) or of {@code Void} (codec null). */
  record ReturnsAsync(CodecRef codec) implements Returns {}

  /** An {@code @OnBinary} reply, as {@code byte[]} or {@code ByteBuffer}. */
  record ReturnsBinary(boolean asByteArray) implements Returns {}
}
