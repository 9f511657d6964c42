package com.example.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/contract.md shows the sample's contract as the processor writes it: its JSON blocks are the
 * parts of asyncapi.json they say, its TypeScript excerpts are in switchboard.d.ts, its compiler
 * options are the sample's. Its TypeScript example is compiled by {@link ContractNodeTest}.
 */
class ContractPageTest {

  private static final Path PAGE = Path.of("..", "docs", "contract.md");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The page's fenced blocks of one language, in order. */
  static List<String> blocks(String language) throws IOException {
    Matcher block = Pattern.compile("(?m)^```" + language + "\n(.*?)^```", Pattern.DOTALL)
        .matcher(Files.readString(PAGE));
    List<String> blocks = new ArrayList<>();
    while (block.find()) {
      blocks.add(block.group(1));
    }
    return blocks;
  }

  private static String generated(String name) throws Exception {
    Path classes = Path.of(ChatEndpoint.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    return Files.readString(classes.resolve("META-INF/switchboard/" + name));
  }

  @Test
  void everyBlockIsCovered() throws IOException {
    assertEquals(6, blocks("\\w*").size(), "a new block on the page needs a check here");
    assertEquals(2, blocks("json").size());
    assertEquals(2, blocks("typescript").size());
    assertEquals(1, blocks("ts").size());
    assertEquals(1, blocks("xml").size());
  }

  @Test
  void theJsonBlocksAreTheDocumentsParts() throws Exception {
    JsonNode document = JSON.readTree(generated("asyncapi.json"));
    List<String> json = blocks("json");
    assertEquals(document.at("/channels/chat/messages/say.request"), JSON.readTree(json.get(0)));
    assertEquals(document.at("/operations/chat.say"), JSON.readTree(json.get(1)));
  }

  @Test
  void theTypeScriptBlocksAreInTheDeclarations() throws Exception {
    String declarations = generated("switchboard.d.ts");
    for (String block : blocks("typescript")) {
      assertTrue(declarations.contains(block.strip()), "not in switchboard.d.ts:\n" + block);
    }
  }

  @Test
  void theCompilerOptionsAreTheSamples() throws IOException {
    String pom = Files.readString(Path.of("pom.xml"));
    for (String line : blocks("xml").get(0).strip().lines().toList()) {
      assertTrue(pom.contains(line.strip()), "not in sample-chat/pom.xml: " + line);
    }
  }
}
