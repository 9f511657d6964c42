package io.switchboard.spi;

import io.switchboard.json.JsonCodec;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * What a handler call produced: nothing, a value to encode as the reply, or a {@link
 * CompletionStage} whose value is the reply once it completes. Generated code pairs the value with
 * the codec of the method's declared return type, so the runtime never inspects types.
 */
public final class DispatchResult {

  private static final DispatchResult NONE = new DispatchResult(null, null, false);

  private final Object value;
  private final JsonCodec<?> codec;
  private final boolean async;

  private DispatchResult(Object value, JsonCodec<?> codec, boolean async) {
    this.value = value;
    this.codec = codec;
    this.async = async;
  }

  /** A {@code void} handler: no reply data. */
  public static DispatchResult none() {
    return NONE;
  }

  /** A value reply, encoded with {@code codec}. */
  public static <T> DispatchResult value(T value, JsonCodec<? super T> codec) {
    return new DispatchResult(value, Objects.requireNonNull(codec, "codec"), false);
  }

  /**
   * A reply that completes later; {@code codec} encodes its value, or is null for a {@code
   * CompletionStage<Void>}.
   */
  public static <T> DispatchResult async(
      CompletionStage<? extends T> stage, JsonCodec<? super T> codec) {
    return new DispatchResult(Objects.requireNonNull(stage, "stage"), codec, true);
  }

  /** Whether the handler returned nothing (void). */
  public boolean isNone() {
    return this == NONE;
  }

  /** Whether {@link #value()} is a {@link CompletionStage}. */
  public boolean isAsync() {
    return async;
  }

  /** The returned value (may be null), or the {@link CompletionStage} when {@link #isAsync()}. */
  public Object value() {
    return value;
  }

  /** The codec of the value (of the stage's value when async); null for none or void stages. */
  @SuppressWarnings("unchecked")
  public <T> JsonCodec<T> codec() {
    return (JsonCodec<T>) codec;
  }
}
