package io.switchboard.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.switchboard.undertow.metrics.EndpointMetrics;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@code switchboard.*} meters of one endpoint, all tagged {@code endpoint}. The per-message
 * ones are resolved once here; those with a varying tag (close code, error code, command and
 * outcome) once per tag value, then found in a map, so the hot path never builds a meter id.
 */
final class MicrometerEndpointMetrics implements EndpointMetrics {

  private final MeterRegistry registry;
  private final String endpoint;
  private final AtomicInteger active = new AtomicInteger();
  private final AtomicLong queuedBytes = new AtomicLong();
  private final Counter opened;
  private final Counter received;
  private final Counter sent;
  private final Counter slowConsumerCloses;
  private final Counter rateLimited;
  private final Map<Integer, Counter> closed = new ConcurrentHashMap<>();
  private final Map<String, Counter> errors = new ConcurrentHashMap<>();
  private final Map<Integer, Counter> refused = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Timer>> commands = new ConcurrentHashMap<>();

  MicrometerEndpointMetrics(MeterRegistry registry, String endpoint) {
    this.registry = registry;
    this.endpoint = endpoint;
    Gauge.builder("switchboard.sessions.active", active, AtomicInteger::get)
        .description("open WebSocket sessions")
        .tag("endpoint", endpoint)
        .register(registry);
    Gauge.builder("switchboard.outbound.queued", queuedBytes, AtomicLong::get)
        .description("bytes waiting in the sessions' outbound queues")
        .baseUnit("bytes")
        .tag("endpoint", endpoint)
        .register(registry);
    opened = counter("switchboard.sessions.opened", "sessions opened");
    received = counter("switchboard.messages.received", "messages received");
    sent = counter("switchboard.messages.sent", "messages written to sessions");
    slowConsumerCloses = counter("switchboard.slow_consumer.closes", "sessions closed as slow consumers");
    rateLimited = counter("switchboard.rate_limited", "messages refused by the rate limit");
  }

  private Counter counter(String name, String description, String... tags) {
    return Counter.builder(name).description(description).tag("endpoint", endpoint).tags(tags).register(registry);
  }

  @Override
  public void sessionOpened() {
    active.incrementAndGet();
    opened.increment();
  }

  @Override
  public void sessionClosed(int code) {
    active.decrementAndGet();
    closed.computeIfAbsent(code, c -> counter("switchboard.sessions.closed", "sessions closed", "code", String.valueOf(c)))
        .increment();
  }

  @Override
  public void messageReceived() {
    received.increment();
  }

  @Override
  public void messageSent() {
    sent.increment();
  }

  @Override
  public void commandCompleted(String command, String outcome, long nanos) {
    commands
        .computeIfAbsent(command, c -> new ConcurrentHashMap<>())
        .computeIfAbsent(outcome, o -> timer(command, o))
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  private Timer timer(String command, String outcome) {
    return Timer.builder("switchboard.command.duration")
        .description("time from a command's dispatch to its reply")
        .tags("endpoint", endpoint, "command", command, "outcome", outcome)
        .publishPercentileHistogram() // for histogram_quantile(0.99, …) in Prometheus
        .minimumExpectedValue(Duration.ofNanos(100_000))
        .maximumExpectedValue(Duration.ofSeconds(10))
        .register(registry);
  }

  @Override
  public void error(String code) {
    errors.computeIfAbsent(code, c -> counter("switchboard.errors", "error replies and transport errors", "code", c))
        .increment();
  }

  @Override
  public void handshakeRefused(int status) {
    refused.computeIfAbsent(
            status, s -> counter("switchboard.handshakes.refused", "upgrades refused", "status", String.valueOf(s)))
        .increment();
  }

  @Override
  public void slowConsumerClosed() {
    slowConsumerCloses.increment();
  }

  @Override
  public void rateLimited() {
    rateLimited.increment();
  }

  @Override
  public void queuedBytesChanged(long delta) {
    queuedBytes.addAndGet(delta);
  }
}
