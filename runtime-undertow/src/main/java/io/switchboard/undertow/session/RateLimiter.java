package io.switchboard.undertow.session;

/**
 * A token bucket per session: {@code burst} tokens, refilled at {@code perSecond}; each inbound
 * message takes one. A message that finds the bucket empty is refused and counts as a strike; a
 * session that collects {@code maxStrikes} strikes before its bucket has refilled completely is
 * flooding and gets closed. Used from the session's IO thread only.
 */
public final class RateLimiter {

  /** What to do with one inbound message. */
  public enum Verdict {
    ACCEPT,
    REFUSE,
    CLOSE
  }

  private final double perNano;
  private final double burst;
  private final int maxStrikes;
  private double tokens;
  private long lastNanos;
  private int strikes;

  public RateLimiter(int perSecond, int burst, int maxStrikes) {
    this.perNano = perSecond / 1e9;
    this.burst = Math.max(1, burst);
    this.maxStrikes = maxStrikes;
    this.tokens = this.burst;
    this.lastNanos = System.nanoTime();
  }

  public Verdict onMessage(long nowNanos) {
    tokens = Math.min(burst, tokens + (nowNanos - lastNanos) * perNano);
    lastNanos = nowNanos;
    if (tokens >= burst) {
      strikes = 0; // calmed down: a full bucket forgives past strikes
    }
    if (tokens >= 1) {
      tokens -= 1;
      return Verdict.ACCEPT;
    }
    strikes++;
    return strikes >= maxStrikes ? Verdict.CLOSE : Verdict.REFUSE;
  }
}
