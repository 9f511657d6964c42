package io.switchboard.bench.codec;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.example.bench.ChatLine;
import com.example.bench.ChatLine_JsonCodec;
import com.example.bench.Order;
import com.example.bench.Order_JsonCodec;
import io.switchboard.json.Json;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Generated codecs against jackson-databind on the same messages, both ways: read from the String
 * a text frame arrives as, write to the UTF-8 bytes a frame is sent as. The databind side uses a
 * prebuilt {@link ObjectReader}/{@link ObjectWriter} per type, its fastest ordinary use.
 *
 * <p>Short runs sized for a 2-core machine: compare the ratios, not the absolute figures.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class CodecBenchmark {

  private final ObjectReader chatReader = Databind.MAPPER.readerFor(ChatLine.class);
  private final ObjectWriter chatWriter = Databind.MAPPER.writerFor(ChatLine.class);
  private final ObjectReader orderReader = Databind.MAPPER.readerFor(Order.class);
  private final ObjectWriter orderWriter = Databind.MAPPER.writerFor(Order.class);

  @Benchmark
  public ChatLine chatReadGenerated() throws IOException {
    return Json.readValue(ChatLine_JsonCodec.INSTANCE, Samples.CHAT_JSON);
  }

  @Benchmark
  public ChatLine chatReadDatabind() throws IOException {
    return chatReader.readValue(Samples.CHAT_JSON);
  }

  @Benchmark
  public byte[] chatWriteGenerated() {
    return Json.writeBytes(ChatLine_JsonCodec.INSTANCE, Samples.CHAT);
  }

  @Benchmark
  public byte[] chatWriteDatabind() throws IOException {
    return chatWriter.writeValueAsBytes(Samples.CHAT);
  }

  @Benchmark
  public Order orderReadGenerated() throws IOException {
    return Json.readValue(Order_JsonCodec.INSTANCE, Samples.ORDER_JSON);
  }

  @Benchmark
  public Order orderReadDatabind() throws IOException {
    return orderReader.readValue(Samples.ORDER_JSON);
  }

  @Benchmark
  public byte[] orderWriteGenerated() {
    return Json.writeBytes(Order_JsonCodec.INSTANCE, Samples.ORDER);
  }

  @Benchmark
  public byte[] orderWriteDatabind() throws IOException {
    return orderWriter.writeValueAsBytes(Samples.ORDER);
  }
}
