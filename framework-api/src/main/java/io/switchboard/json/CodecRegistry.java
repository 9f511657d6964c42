package io.switchboard.json;

import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Type → codec, built once from every {@link CodecProvider} on the class path plus the built-in
 * codecs of {@link Codecs}. Used where the static type is not known at compile time: a payload
 * passed to {@link io.switchboard.Broadcaster} or {@link io.switchboard.WsSession#send(String,
 * Object)}.
 */
public final class CodecRegistry {

  private final Map<Class<?>, JsonCodec<?>> codecs;

  private CodecRegistry(Map<Class<?>, JsonCodec<?>> codecs) {
    this.codecs = Map.copyOf(codecs);
  }

  /** Loads every {@link CodecProvider} visible to the class loader. */
  public static CodecRegistry load(ClassLoader classLoader) {
    Map<Class<?>, JsonCodec<?>> codecs = new HashMap<>(Codecs.builtIns());
    for (CodecProvider provider : ServiceLoader.load(CodecProvider.class, classLoader)) {
      codecs.putAll(provider.codecs());
    }
    return new CodecRegistry(codecs);
  }

  /** A registry of exactly these codecs plus the built-in ones (for tests and embedding). */
  public static CodecRegistry of(Map<Class<?>, JsonCodec<?>> codecs) {
    Map<Class<?>, JsonCodec<?>> all = new HashMap<>(Codecs.builtIns());
    all.putAll(codecs);
    return new CodecRegistry(all);
  }

  /** The codec registered for exactly this type, or null. */
  @SuppressWarnings("unchecked")
  public <T> JsonCodec<T> find(Class<T> type) {
    return (JsonCodec<T>) codecs.get(type);
  }

  /**
   * The codec for a value's runtime class.
   *
   * @throws IllegalArgumentException naming the type and the fix, if there is none
   */
  @SuppressWarnings("unchecked")
  public <T> JsonCodec<T> forValue(T value) {
    if (value == null) {
      return (JsonCodec<T>) Codecs.NULL;
    }
    // An enum constant with a body is an instance of an anonymous subclass of its enum.
    Class<?> type = value instanceof Enum<?> constant ? constant.getDeclaringClass() : value.getClass();
    JsonCodec<T> codec = (JsonCodec<T>) find(type);
    if (codec == null) {
      codec = (JsonCodec<T>) Codecs.dynamic(this, type);
    }
    if (codec == null) {
      throw new IllegalArgumentException(
          "no JSON codec for "
              + value.getClass().getName()
              + ": annotate it with @io.switchboard.WsMessage (or use it in a @WsCommand) so that"
              + " the annotation processor generates one");
    }
    return codec;
  }
}
