package io.switchboard.bench.codec;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The baseline: a jackson-databind {@link ObjectMapper} configured to produce and accept the same
 * JSON as the generated codecs (instants as ISO strings, unknown fields ignored), as an application
 * without Switchboard's processor would configure it.
 */
public final class Databind {

  /** Shared and thread-safe, built once as databind's documentation recommends. */
  public static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private Databind() {}
}
