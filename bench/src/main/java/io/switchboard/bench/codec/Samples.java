package io.switchboard.bench.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.example.bench.ChatLine;
import com.example.bench.Order;
import com.example.bench.OrderLine;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The messages every benchmark encodes and decodes, as objects and as JSON text. */
public final class Samples {

  /** 127 bytes of JSON: a typical chat line, one character outside ASCII. */
  public static final ChatLine CHAT =
      new ChatLine(
          "lobby", "ada", "Has anyone tried the new build? It starts in 40 ms here \u2014 nice!",
          1_764_000_000_123L);

  /** 296 bytes of JSON: three lines, decimals, an instant, an enum. */
  public static final Order ORDER =
      new Order(
          "ord-2026-000417",
          "customer-88123",
          Instant.parse("2026-11-25T13:26:16.123456Z"),
          Order.Status.PAID,
          List.of(
              new OrderLine("KB-MX-BROWN", 2, new BigDecimal("89.90")),
              new OrderLine("CABLE-USB-C-2M", 3, new BigDecimal("12.49")),
              new OrderLine("DESK-MAT-XL", 1, new BigDecimal("24.00"))),
          new BigDecimal("241.27"));

  public static final String CHAT_JSON = json(CHAT);
  public static final String ORDER_JSON = json(ORDER);

  private Samples() {}

  private static String json(Object value) {
    try {
      return Databind.MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
