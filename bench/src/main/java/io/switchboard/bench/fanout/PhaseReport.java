package io.switchboard.bench.fanout;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.HashMap;
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
    Histogram latencyMicros) {

  /** Reads {@code RESULT id complete=… received=… outOfOrder=… stray=… histogram=…}. */
  static PhaseReport of(
      String scenario, String mode, int subscribers, PacedSender.Cost sent, CpuMeter.Use cpu, String result)
      throws DataFormatException {
    Map<String, String> fields = new HashMap<>();
    for (String word : result.split(" ")) {
      int equals = word.indexOf('=');
      if (equals > 0) {
        fields.put(word.substring(0, equals), word.substring(equals + 1));
      }
    }
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
