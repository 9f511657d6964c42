package io.switchboard.processor;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import io.switchboard.json.CodecRegistry;
import io.switchboard.json.Json;
import io.switchboard.json.JsonCodec;
import io.switchboard.json.JsonDecodeException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Whatever well-formed JSON a client sends, a generated codec either reads it or fails with a
 * {@link JsonDecodeException} (a {@code bad_request} naming the path); never with anything that
 * the runtime would have to treat as a server bug.
 */
class HostileInputTest {

  private static final String[] TYPES = {"Everything", "Order", "Bean", "Fields", "Node", "Husband", "Color", "Holder", "Tricky", "Note"};
  private static final String[] NAMES = {
    "flag", "b", "s", "i", "l", "f", "d", "c", "text", "price", "big", "at", "day", "time", "local", "offset",
    "zoned", "duration", "id", "tags", "numbers", "series", "maybe", "ints", "bytes", "names", "colors",
    "color", "item", "items", "first name", "bean", "fields", "name", "count", "active", "label", "notes",
    "weight", "children", "wife", "husband", "extra", "parser", "member", "value", "instance", "note", "x"
  };

  private static Compiled compiled;
  private static CodecRegistry registry;

  @BeforeAll
  static void compile() throws Exception {
    String[] files = {"Everything", "Color", "Item", "Order", "Bean", "Fields", "Node", "Husband", "Wife", "Note", "Outer", "Holder", "Tricky"};
    String[] sources = new String[files.length * 2];
    for (int i = 0; i < files.length; i++) {
      sources[2 * i] = "model." + files[i];
      sources[2 * i + 1] = new String(
          HostileInputTest.class.getResourceAsStream("/model/" + files[i] + ".java").readAllBytes(), StandardCharsets.UTF_8);
    }
    compiled = Compiled.compile(sources);
    registry = CodecRegistry.load(compiled.loader());
  }

  @AfterAll
  static void close() throws Exception {
    compiled.close();
  }

  @Test
  void randomDocumentsAreReadOrRejectedAsBadRequests() {
    Random random = new Random(20240501);
    List<String> surprises = new ArrayList<>();
    for (int n = 0; n < 3000; n++) {
      String json = value(random, 0);
      for (String type : TYPES) {
        JsonCodec<?> codec = registry.find(compiled.load("model." + type));
        assertNotNull(codec, type);
        try {
          Json.readValue(codec, json);
        } catch (JsonDecodeException expected) {
          // a bad_request with a path: what a client deserves
        } catch (Exception | Error e) {
          surprises.add(type + " <- " + json + ": " + e);
        }
      }
    }
    if (!surprises.isEmpty()) {
      fail(surprises.size() + " inputs failed otherwise, e.g.\n" + String.join("\n", surprises.subList(0, Math.min(10, surprises.size()))));
    }
  }

  /** A random JSON value, mostly objects with the members the types know, of random shapes. */
  private static String value(Random random, int depth) {
    int kind = depth > 4 ? random.nextInt(7) : random.nextInt(10);
    return switch (kind) {
      case 0 -> "null";
      case 1 -> random.nextBoolean() ? "true" : "false";
      case 2 -> String.valueOf(random.nextInt(600) - 300);
      case 3 -> String.valueOf(random.nextLong()) + (random.nextBoolean() ? "0000000000" : "");
      case 4 -> String.valueOf(random.nextDouble() * 1e6) + (random.nextBoolean() ? "e300" : "");
      case 5 -> quoted(random);
      case 6 -> quoted(random);
      case 7, 8 -> {
        StringBuilder object = new StringBuilder("{");
        int members = random.nextInt(6);
        for (int i = 0; i < members; i++) {
          object.append(i == 0 ? "" : ",").append('"').append(NAMES[random.nextInt(NAMES.length)]).append("\":")
              .append(value(random, depth + 1));
        }
        yield object.append('}').toString();
      }
      default -> {
        StringBuilder array = new StringBuilder("[");
        int elements = random.nextInt(4);
        for (int i = 0; i < elements; i++) {
          array.append(i == 0 ? "" : ",").append(value(random, depth + 1));
        }
        yield array.append(']').toString();
      }
    };
  }

  private static String quoted(Random random) {
    String[] strings = {
      "", "x", "RED", "dark-blue", "2024-05-01T10:15:30Z", "2024-05-01", "10:15", "PT5S", "NaN", "Infinity",
      "123e4567-e89b-12d3-a456-426614174000", "AAEC/w==", "not base64!", "12", "1.5", "\\u0000", "\\ud83d\\ude00"
    };
    return '"' + strings[random.nextInt(strings.length)] + '"';
  }
}
