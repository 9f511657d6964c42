package chat;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

public record ChatLine(
    String author,
    @JsonProperty("message") String text,
    int likes,
    List<String> tags,
    Optional<Instant> at) {}
