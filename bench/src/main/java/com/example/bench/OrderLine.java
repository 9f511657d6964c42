package com.example.bench;

import java.math.BigDecimal;

/** One line of an {@link Order}. */
public record OrderLine(String sku, int quantity, BigDecimal unitPrice) {}
