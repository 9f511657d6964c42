package com.example.bench;

import io.switchboard.WsMessage;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A nested message: a list of records, decimals, an ISO instant and an enum. */
@WsMessage
public record Order(
    String id,
    String customer,
    Instant placedAt,
    Status status,
    List<OrderLine> lines,
    BigDecimal total) {

  /** Where the order is in its life. */
  public enum Status {
    PLACED,
    PAID,
    SHIPPED
  }
}
