package io.switchboard.undertow.testing;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import io.switchboard.json.CodecProvider;
import io.switchboard.json.JsonCodec;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A codec provider whose one codec counts its writes, to prove a broadcast encodes once. */
public final class CountingCodecs implements CodecProvider {

  /** A pushed value. */
  public record Reading(int value) {}

  public static final AtomicInteger WRITES = new AtomicInteger();

  @Override
  public Map<Class<?>, JsonCodec<?>> codecs() {
    return Map.of(
        Reading.class,
        new JsonCodec<Reading>() {
          @Override
          public Reading read(JsonParser parser) {
            throw new UnsupportedOperationException("write-only");
          }

          @Override
          public void write(JsonGenerator generator, Reading reading) throws IOException {
            WRITES.incrementAndGet();
            generator.writeStartObject();
            generator.writeNumberField("value", reading.value());
            generator.writeEndObject();
          }
        });
  }
}
