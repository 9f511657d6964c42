package io.switchboard.bench.dispatch;

import com.example.bench.OrderDeskEndpoint;
import io.switchboard.bench.codec.Databind;
import io.switchboard.bench.codec.Samples;
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
 * One request envelope in, one reply envelope out: the generated dispatcher on Jackson's
 * streaming API against a jackson-databind tree-based handler doing the same work.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class DispatchBenchmark {

  static final String SAY = "{\"cmd\":\"say\",\"id\":41,\"data\":" + Samples.CHAT_JSON + "}";
  static final String PLACE = "{\"cmd\":\"place\",\"id\":42,\"data\":" + Samples.ORDER_JSON + "}";

  private final GeneratedDispatch generated = new GeneratedDispatch(new OrderDeskEndpoint());
  private final TreeDispatcher tree = new TreeDispatcher(Databind.MAPPER, new OrderDeskEndpoint());

  @Benchmark
  public byte[] sayGenerated() throws Exception {
    return generated.handle(SAY);
  }

  @Benchmark
  public byte[] sayDatabindTree() throws Exception {
    return tree.handle(SAY);
  }

  @Benchmark
  public byte[] placeGenerated() throws Exception {
    return generated.handle(PLACE);
  }

  @Benchmark
  public byte[] placeDatabindTree() throws Exception {
    return tree.handle(PLACE);
  }
}
