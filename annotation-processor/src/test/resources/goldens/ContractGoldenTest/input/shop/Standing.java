package shop;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a bid stands. */
public record Standing(boolean accepted, Level level, Integer rank) {

  /** How it compares with the others. */
  public enum Level {
    LEADING,
    @JsonProperty("outbid") OUTBID
  }
}
