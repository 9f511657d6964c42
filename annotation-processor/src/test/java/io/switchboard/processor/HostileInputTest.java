package io.switchboard.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.WsException;
import io.switchboard.json.CodecRegistry;
import io.switchboard.json.Codecs;
import io.switchboard.json.Json;
import io.switchboard.json.JsonCodec;
import io.switchboard.spi.Envelope;
import io.switchboard.spi.Payload;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fuzzing of the code that reads what clients send: the envelope parser, the text-line parser, and
 * every codec, generated ones included, on the random and mutated input of {@link HostileJson}.
 * Whatever comes in gets a value or a {@code bad_request} in our own words; never another
 * exception (which the runtime would answer with {@code internal}, a server bug), a hang, or
 * memory out of proportion to the message. A value read must also write back out, since a handler
 * may echo it.
 *
 * <p>A seeded generator rather than a property-testing library: it needs no dependency, every
 * failure names the seed that replays it ({@code -Dswitchboard.fuzz.seed=…}), and the failing
 * input is cut down to a small one before it is reported. {@code mvn verify} runs five hundred
 * inputs of each kind from a fixed seed, a few seconds; {@code -Pfuzz} a hundred thousand from a fresh
 * one (docs/security.md, "Hostile input").
 */
class HostileInputTest {

  private static final String[] FILES = {
    "Everything", "Color", "Item", "Order", "Bean", "Fields", "Node", "Husband", "Wife", "Note", "Outer", "Holder", "Tricky"
  };

  private static final int TRIES = Integer.getInteger("switchboard.fuzz.tries", 500);

  /** Far beyond what reading a message of a few KB needs; a runaway allocation crosses it. */
  private static final long MAX_BYTES_PER_INPUT = 64L << 20;

  private static final long MAX_NANOS_PER_INPUT = 2_000_000_000L;

  private static Compiled compiled;
  private static List<JsonCodec<Object>> codecs;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void compile() throws Exception {
    String[] sources = new String[FILES.length * 2];
    for (int i = 0; i < FILES.length; i++) {
      sources[2 * i] = "model." + FILES[i];
      sources[2 * i + 1] = new String(
          HostileInputTest.class.getResourceAsStream("/model/" + FILES[i] + ".java").readAllBytes(), StandardCharsets.UTF_8);
    }
    compiled = Compiled.compile(sources);
    CodecRegistry registry = CodecRegistry.load(compiled.loader());
    codecs = new ArrayList<>();
    for (String file : FILES) {
      Class<?> type = compiled.load("model." + file);
      if (type.isAnnotationPresent(io.switchboard.WsMessage.class) || type.isEnum()) {
        JsonCodec<?> codec = registry.find(type);
        assertNotNull(codec, file);
        codecs.add((JsonCodec<Object>) codec);
      }
    }
    for (JsonCodec<?> builtIn : Codecs.builtIns().values()) {
      codecs.add((JsonCodec<Object>) builtIn);
    }
    codecs.add((JsonCodec<Object>) (JsonCodec<?>) Codecs.mapOf(Codecs.listOf(Codecs.optionalOf(Codecs.BIG_DECIMAL))));
  }

  @AfterAll
  static void close() throws Exception {
    compiled.close();
  }

  @Test
  void everyEnvelopeIsAnsweredOrRefusedAsABadRequest() {
    fuzz(HostileJson::envelope, HostileInputTest::dispatchToEveryCodec);
  }

  @Test
  void everyTextLineIsAnsweredOrRefusedAsABadRequest() {
    fuzz(HostileJson::textLine, HostileInputTest::dispatchToEveryCodec);
  }

  @Test
  void everyDocumentIsReadByEveryCodecOrRefusedAsABadRequest() {
    fuzz(HostileJson::document, json -> {
      for (JsonCodec<Object> codec : codecs) {
        try {
          Json.writeBytes(codec, Json.readValue(codec, json));
        } catch (WsException refused) {
          assertOurWords(refused, json);
        }
      }
    });
  }

  /** What the runtime does with a message: parse the envelope, decode the payload, encode a reply. */
  private static void dispatchToEveryCodec(String message) throws Exception {
    Envelope envelope;
    try {
      envelope = Envelope.parse(message);
    } catch (WsException refused) {
      assertOurWords(refused, message);
      return;
    }
    Payload payload = envelope.payload();
    for (JsonCodec<Object> codec : codecs) {
      String afterwards = outcome(message, () -> payload.read(codec), codec);
      String onTheWay = outcome(message, () -> Envelope.parse(message, command -> codec).payload().read(codec), codec);
      assertEquals(afterwards, onTheWay, () -> "decoded while parsing the envelope or after it: " + message);
    }
    try {
      payload.text();
    } catch (WsException refused) {
      assertOurWords(refused, message);
    }
  }

  /** The value read and written back, or the refusal in our own words. */
  private static String outcome(String message, Callable<Object> read, JsonCodec<Object> codec) throws Exception {
    try {
      return "value " + new String(Json.writeBytes(codec, read.call()), StandardCharsets.UTF_8);
    } catch (WsException refused) {
      assertOurWords(refused, message);
      return "refused " + refused.getMessage();
    }
  }

  private static void assertOurWords(WsException refused, String input) {
    assertEquals(WsException.BAD_REQUEST, refused.code(), () -> refused + " for " + input);
    String message = refused.getMessage();
    assertNotNull(message);
    for (String internal : new String[] {"Source", "REDACTED", "jackson", "Exception", "StreamReadConstraints"}) {
      assertFalse(message.contains(internal), () -> "the parser's words in \"" + message + "\"");
    }
  }

  private interface Check {
    void run(String input) throws Exception;
  }

  /** Runs the check on TRIES inputs; on a failure, reports its seed and the smallest input found. */
  private static void fuzz(Function<HostileJson, String> generator, Check check) {
    String seedProperty = System.getProperty("switchboard.fuzz.seed", "20261204");
    long seed = seedProperty.equals("random") ? System.nanoTime() : Long.parseLong(seedProperty);
    if (seedProperty.equals("random")) {
      System.out.println("HostileInputTest: seed " + seed + ", " + TRIES + " inputs");
    }
    SplittableRandom seeds = new SplittableRandom(seed);
    for (int i = 0; i < TRIES; i++) {
      long inputSeed = seeds.nextLong();
      String input = generator.apply(new HostileJson(inputSeed));
      Throwable failure = failure(check, input);
      if (failure != null) {
        String smallest = shrink(check, input);
        throw new AssertionError("input " + i + " of seed " + seed + " (input seed " + inputSeed + ") failed: "
            + failure + "\nsmallest failing input: " + cut(smallest), failure(check, smallest));
      }
    }
  }

  /** The check's failure on this input, within its time and memory bounds, or null. */
  private static Throwable failure(Check check, String input) {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long bytes = threads.getCurrentThreadAllocatedBytes();
    long start = System.nanoTime();
    try {
      check.run(input);
      long nanos = System.nanoTime() - start;
      long allocated = threads.getCurrentThreadAllocatedBytes() - bytes;
      assertTrue(nanos < MAX_NANOS_PER_INPUT, () -> nanos / 1_000_000 + " ms for one input");
      assertTrue(allocated < MAX_BYTES_PER_INPUT, () -> allocated + " bytes allocated for one input");
      return null;
    } catch (Exception | AssertionError | StackOverflowError | OutOfMemoryError e) {
      return e;
    }
  }

  /** Removes ever smaller slices of a failing input for as long as it still fails. */
  private static String shrink(Check check, String input) {
    String smallest = input;
    for (int slice = smallest.length() / 2; slice >= 1; slice /= 2) {
      for (int at = 0; at + slice <= smallest.length(); ) {
        String candidate = smallest.substring(0, at) + smallest.substring(at + slice);
        if (failure(check, candidate) != null) {
          smallest = candidate;
        } else {
          at += slice;
        }
      }
    }
    return smallest;
  }

  private static String cut(String input) {
    return input.length() <= 500 ? input : input.substring(0, 500) + "... (" + input.length() + " chars)";
  }
}
