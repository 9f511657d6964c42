package io.switchboard.json;

import java.util.Map;

/**
 * A set of codecs, keyed by the type they encode. The annotation processor generates one
 * implementation per package that has codecs ({@code <package>.Switchboard_Codecs}) and lists it
 * in {@code META-INF/services/io.switchboard.json.CodecProvider}; {@link CodecRegistry} loads them
 * all.
 */
public interface CodecProvider {

  /** The codecs of this provider. */
  Map<Class<?>, JsonCodec<?>> codecs();
}
