package model;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.switchboard.WsMessage;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@WsMessage
public record Everything(
    boolean flag, byte b, short s, int i, long l, float f, double d, char c,
    Boolean boxedFlag, Integer boxedInt, Long boxedLong, Double boxedDouble, Character boxedChar,
    String text, BigDecimal price, BigInteger big,
    Instant at, LocalDate day, LocalTime time, LocalDateTime local, OffsetDateTime offset,
    ZonedDateTime zoned, Duration duration, UUID id,
    List<String> tags, Set<Integer> numbers, Map<String, List<Long>> series,
    Optional<Instant> maybe, Optional<String> nothing,
    int[] ints, long[] longs, double[] doubles, boolean[] flags, byte[] bytes, String[] names, Color[] colors,
    Color color, Item item, List<Item> items,
    @JsonProperty("first name") String firstName,
    Bean bean, Fields fields) {}
