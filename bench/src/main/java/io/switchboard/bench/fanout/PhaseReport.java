package io.switchboard.bench.fanout;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Map;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * One measured phase: what the server sent ({@link PacedSender.Cost}) next to what the
 * subscribers received (the client JVM's {@code RESULT} line, latency histogram included).
 */
record PhaseReport(
    String scenario,
    String mode,
    int subscribers,
    PacedSender.Cost sent,
    CpuMeter.Use cpu,
    boolean complete,
    long received,
    long outOfOrder,
    long stray,
    long closed,
    long slowConsumerCloses,
    Histogram latencyMicros) {

  /**
   * Reads {@code RESULT id complete=… received=… outOfOrder=… stray=… closed=… histogram=…}.
   *
   * @param subscribers the subscribers open when the phase began
   * @param slowConsumerCloses sessions the server closed under its slow-consumer policy meanwhile
   */
  static PhaseReport of(
      String scenario,
      String mode,
      int subscribers,
      PacedSender.Cost sent,
      CpuMeter.Use cpu,
      long slowConsumerCloses,
      String result)
      throws DataFormatException {
    Map<String, String> fields = ClientProcess.fields(result);
    ByteBuffer histogram = ByteBuffer.wrap(Base64.getDecoder().decode(fields.get("histogram")));
    return new PhaseReport(
        scenario,
        mode,
        subscribers,
        sent,
        cpu,
        Boolean.parseBoolean(fields.get("complete")),
        Long.parseLong(fields.get("received")),
        Long.parseLong(fields.get("outOfOrder")),
        Long.parseLong(fields.get("stray")),
        Long.parseLong(fields.get("closed")),
        slowConsumerCloses,
        Histogram.decodeFromCompressedByteBuffer(histogram, 0));
  }

  long expected() {
    return (long) subscribers * sent.broadcasts();
  }

  /** Deliveries that never arrived within the wait after the last broadcast. */
  long lost() {
    return expected() - received;
  }

  double percentileMillis(double percentile) {
    return latencyMicros.getValueAtPercentile(percentile) / 1_000.0;
  }

  double maxMillis() {
    return latencyMicros.getMaxValue() / 1_000.0;
  }
}
