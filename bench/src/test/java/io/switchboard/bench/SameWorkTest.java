package io.switchboard.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.bench.ChatLine_JsonCodec;
import com.example.bench.Order_JsonCodec;
import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.bench.codec.CodecBenchmark;
import io.switchboard.bench.codec.Databind;
import io.switchboard.bench.codec.Samples;
import io.switchboard.bench.dispatch.DispatchBenchmark;
import io.switchboard.json.Json;
import org.junit.jupiter.api.Test;

/**
 * The benchmarks compare like with like only if both sides do the same work: this checks that the
 * generated and the databind side of every benchmark produce the same result. It runs no
 * benchmark.
 */
class SameWorkTest {

  private final CodecBenchmark codecs = new CodecBenchmark();
  private final DispatchBenchmark dispatch = new DispatchBenchmark();

  @Test
  void bothSidesReadTheSameMessages() throws Exception {
    assertEquals(Samples.CHAT, codecs.chatReadGenerated());
    assertEquals(Samples.CHAT, codecs.chatReadDatabind());
    assertEquals(Samples.ORDER, codecs.orderReadGenerated());
    assertEquals(Samples.ORDER, codecs.orderReadDatabind());
  }

  @Test
  void bothSidesWriteTheSameJson() throws Exception {
    assertEquals(tree(codecs.chatWriteDatabind()), tree(codecs.chatWriteGenerated()));
    assertEquals(tree(codecs.orderWriteDatabind()), tree(codecs.orderWriteGenerated()));
    assertEquals(Samples.ORDER_JSON, Json.writeString(Order_JsonCodec.INSTANCE, Samples.ORDER));
    assertEquals(Samples.CHAT_JSON, Json.writeString(ChatLine_JsonCodec.INSTANCE, Samples.CHAT));
  }

  @Test
  void bothDispatchersReplyTheSame() throws Exception {
    JsonNode say = tree(dispatch.sayGenerated());
    assertEquals(tree(dispatch.sayDatabindTree()), say);
    assertEquals("{\"re\":41,\"cmd\":\"say\",\"data\":{\"id\":\"lobby\",\"items\":63}}", say.toString());
    JsonNode place = tree(dispatch.placeGenerated());
    assertEquals(tree(dispatch.placeDatabindTree()), place);
    assertEquals(
        "{\"re\":42,\"cmd\":\"place\",\"data\":{\"id\":\"ord-2026-000417\",\"items\":3}}",
        place.toString());
  }

  private static JsonNode tree(byte[] json) throws Exception {
    return Databind.MAPPER.readTree(json);
  }
}
