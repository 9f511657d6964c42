package shop;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * An offer for an item.
 *
 * @param amount in the shop's currency, exactly
 */
public record Bid(
    UUID item, BigDecimal amount, @JsonProperty("placed_at") Instant placedAt, Optional<String> note, long[] history) {}
