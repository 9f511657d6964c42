package com.example.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.switchboard.json.CodecRegistry;
import io.switchboard.json.Json;
import io.switchboard.json.JsonCodec;
import io.switchboard.json.JsonDecodeException;
import io.switchboard.undertow.SwitchboardServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample's generated contract, checked by the official tools under Node (src/test/node,
 * installed with {@code npm ci} by {@code .ci/run}): the AsyncAPI document parses with
 * {@code @asyncapi/parser}; each payload schema accepts what the generated codec writes and rejects
 * what it refuses (the JSON samples below go through both: the codec here, the schema with ajv
 * there); the TypeScript declarations compile under {@code tsc --strict} alone and with the usage
 * files of src/test/node/usage and the example of docs/contract.md, and the wrong usages fail. Skipped with a loud message where Node
 * or the packages are missing, but failed under {@code CI=true}.
 */
class ContractNodeTest {

  private static final Path NODE_DIR = Path.of("src", "test", "node");

  @TempDir Path work;

  @Test
  void theContractPassesTheOfficialTools() throws Exception {
    requireNode();
    Path classes = Path.of(ChatEndpoint.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Files.copy(classes.resolve("META-INF/switchboard/asyncapi.json"), work.resolve("asyncapi.json"));
    Files.copy(classes.resolve("META-INF/switchboard/switchboard.d.ts"), work.resolve("switchboard.d.ts"));
    try (InputStream client = SwitchboardServer.class.getResourceAsStream("/io/switchboard/undertow/switchboard.js.d.ts")) {
      assertTrue(client != null, "switchboard.js.d.ts is not packaged beside switchboard.js");
      Files.copy(client, work.resolve("switchboard.js.d.ts"));
    }
    Files.writeString(work.resolve("samples.json"), samples());
    Path usage = Files.createDirectories(work.resolve("usage"));
    try (var files = Files.list(NODE_DIR.resolve("usage"))) {
      for (Path file : files.toList()) {
        Files.copy(file, usage.resolve(file.getFileName()));
      }
    }
    Files.writeString(usage.resolve("contract-page.ts"), ContractPageTest.blocks("ts").get(0));

    Process node = new ProcessBuilder("node", NODE_DIR.resolve("contract.mjs").toString(), work.toString())
        .redirectErrorStream(true)
        .start();
    String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(node.waitFor(120, TimeUnit.SECONDS), "node did not finish");
    System.out.println(output);
    assertEquals(0, node.exitValue(), output);
    assertTrue(output.contains("all contract checks passed"), output);
  }

  /** The JSON samples, each with what the generated codec made of it: refused, or written back. */
  private static String samples() throws IOException {
    CodecRegistry codecs = CodecRegistry.load(ContractNodeTest.class.getClassLoader());
    List<String> samples = new ArrayList<>();
    String at = "\"2024-05-01T10:15:30Z\"";
    run(codecs, samples, "ChatLine", ChatLine.class,
        "{\"text\":\"hi\"}", "{\"text\":null}", "{\"text\":\"hi\",\"extra\":[1]}", "{\"text\":12}",
        "{}", "{\"text\":{}}", "[]", "\"hi\"");
    run(codecs, samples, "ChatMessage", ChatMessage.class,
        "{\"id\":\"k3\",\"from\":\"Ada\",\"room\":\"lobby\",\"text\":\"hi\",\"at\":" + at + "}",
        "{\"id\":\"k3\",\"from\":\"Ada\",\"room\":\"lobby\",\"text\":\"hi\"}",
        "{\"id\":\"k3\",\"from\":\"Ada\",\"room\":\"lobby\",\"text\":\"hi\",\"at\":\"yesterday\"}");
    run(codecs, samples, "Temperature", Temperature.class,
        "{\"celsius\":21.5,\"at\":" + at + "}", "{\"celsius\":\"21.5\",\"at\":" + at + "}",
        "{\"celsius\":\"NaN\",\"at\":" + at + "}",
        "{\"celsius\":null,\"at\":" + at + "}", "{\"celsius\":true,\"at\":" + at + "}",
        "{\"celsius\":1e400,\"at\":" + at + "}", "{\"celsius\":\"nan\",\"at\":" + at + "}",
        "{\"at\":" + at + "}");
    run(codecs, samples, "Users", Users.class,
        "{\"room\":\"lobby\",\"users\":[{\"id\":\"a\",\"name\":\"Ada\"}],\"online\":1}",
        "{\"room\":\"lobby\",\"users\":[],\"online\":\"2\"}",
        "{\"room\":\"lobby\",\"users\":[{\"id\":\"a\"}],\"online\":1}",
        "{\"room\":\"lobby\",\"users\":[],\"online\":1.5}",
        "{\"room\":\"lobby\",\"users\":[],\"online\":3000000000}",
        "{\"room\":\"lobby\",\"users\":{},\"online\":1}");
    run(codecs, samples, "Member", Member.class,
        "{\"id\":\"a\",\"name\":\"Ada\",\"room\":\"lobby\"}", "{\"id\":\"a\",\"name\":\"Ada\"}");
    run(codecs, samples, "Renamed", Renamed.class,
        "{\"id\":\"a\",\"from\":\"guest-1\",\"to\":\"Ada\",\"room\":\"lobby\"}", "{\"id\":\"a\",\"to\":\"Ada\",\"room\":\"lobby\"}");
    run(codecs, samples, "Help", Help.class,
        "{\"commands\":[{\"name\":\"say\",\"argument\":true}],\"usage\":\"say hi\"}",
        "{\"commands\":[{\"name\":\"say\",\"argument\":\"TRUE\"}],\"usage\":\"say hi\"}",
        "{\"commands\":[{\"name\":\"say\",\"argument\":\"yes\"}],\"usage\":\"say hi\"}",
        "{\"commands\":[{\"name\":\"say\",\"argument\":2}],\"usage\":\"say hi\"}");
    long refused = samples.stream().filter(sample -> sample.contains("\"codec\":\"refused\"")).count();
    assertTrue(refused >= 10 && samples.size() - refused >= 10, "the samples try both outcomes: " + samples);
    return samples.stream().collect(java.util.stream.Collectors.joining(",\n", "[\n", "\n]\n"));
  }

  private static <T> void run(CodecRegistry codecs, List<String> samples, String schema, Class<T> type, String... inputs)
      throws IOException {
    JsonCodec<T> codec = codecs.find(type);
    assertTrue(codec != null, "no generated codec for " + type);
    for (String input : inputs) {
      String head = "{\"type\":\"" + schema + "\",\"json\":" + input;
      try {
        String written = Json.writeString(codec, Json.readValue(codec, input));
        samples.add(head + ",\"codec\":\"wrote\",\"written\":" + written + "}");
      } catch (JsonDecodeException refused) {
        samples.add(head + ",\"codec\":\"refused\"}");
      }
    }
  }

  private static void requireNode() {
    String missing = null;
    if (!Files.isDirectory(NODE_DIR.resolve("node_modules"))) {
      missing = "the contract tests need Node and their npm packages: cd sample-chat/src/test/node && npm ci"
          + " (.ci/run does it)";
    } else {
      try {
        Process version = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
        version.getInputStream().readAllBytes();
        if (version.waitFor() != 0) {
          missing = "node --version failed";
        }
      } catch (IOException | InterruptedException e) {
        missing = "the contract tests need node on the PATH (Debian: apt-get install nodejs npm): " + e.getMessage();
      }
    }
    if (missing == null) {
      return;
    }
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(missing);
    }
    System.err.println("\n*** SKIPPING THE CONTRACT'S NODE TESTS *** " + missing + "\n");
    Assumptions.abort(missing);
  }
}
