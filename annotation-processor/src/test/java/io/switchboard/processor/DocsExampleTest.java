package io.switchboard.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.json.Json;
import io.switchboard.spi.DispatchResult;
import io.switchboard.spi.EndpointDispatcher;
import io.switchboard.spi.Envelope;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/annotations.md stays true: its endpoint compiles and behaves as shown, its error list is complete. */
class DocsExampleTest {

  private static String example() throws Exception {
    String page = Files.readString(Path.of("..", "docs", "annotations.md"));
    String section = page.substring(page.indexOf("## An endpoint"));
    Matcher code = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(section);
    assertTrue(code.find(), "the page shows an endpoint");
    return code.group(1);
  }

  @Test
  @SuppressWarnings("unchecked")
  void theAnnotationsPageEndpointCompilesAndAnswers() throws Exception {
    try (Compiled compiled = Compiled.compile("com.example.chat.ChatEndpoint", example())) {
      EndpointDispatcher<Object> dispatcher = (EndpointDispatcher<Object>)
          ServiceLoader.load(EndpointDispatcher.class, compiled.loader()).findFirst().orElseThrow();
      Object endpoint = dispatcher.newEndpoint();
      FakeContext context = new FakeContext(dispatcher);
      dispatcher.onOpen(endpoint, context);
      assertEquals("\"Hello, human\"", reply(dispatcher, endpoint, context, "hello"));
      assertEquals("\"you are Tony\"", reply(dispatcher, endpoint, context, "{\"cmd\":\"name\",\"data\":\"Tony\"}"));
      assertEquals("[{\"id\":\"s1\",\"name\":\"Tony\"}]", reply(dispatcher, endpoint, context, "users"));
      reply(dispatcher, endpoint, context, "say hi all");
      assertEquals("chat", context.pushes.get(context.pushes.size() - 1).event());
    }
  }

  /** The page's codec snippet, a test method, compiled beside its endpoint and run. */
  @Test
  void theAnnotationsPageCodecSnippetCompilesAndRuns() throws Exception {
    String page = Files.readString(Path.of("..", "docs", "annotations.md"));
    Matcher code =
        Pattern.compile("```java\n(.*?)```", Pattern.DOTALL)
            .matcher(page.substring(page.indexOf("The codecs are usable on their own")));
    assertTrue(code.find(), "the page shows how to use a codec");
    StringBuilder imports = new StringBuilder();
    StringBuilder body = new StringBuilder();
    for (String line : code.group(1).lines().toList()) {
      (line.startsWith("import ") ? imports : body).append(line).append('\n');
    }
    String test =
        "package com.example.chat;\n"
            + "import static org.junit.jupiter.api.Assertions.assertEquals;\n"
            + "import java.io.IOException;\n"
            + "import org.junit.jupiter.api.Test;\n"
            + imports
            + "public class CodecSnippet {\n"
            + body.toString().replaceFirst("\nvoid ", "\npublic void ")
            + "}\n";
    try (Compiled compiled =
        Compiled.compile(
            "com.example.chat.ChatEndpoint", example(), "com.example.chat.CodecSnippet", test)) {
      Class<?> snippet = compiled.loader().loadClass("com.example.chat.CodecSnippet");
      Method method = snippet.getDeclaredMethods()[0];
      method.invoke(snippet.getConstructor().newInstance()); // its assertEquals throws if wrong
    }
  }

  @Test
  void theAnnotationsPageListsEveryErrorKey() throws Exception {
    String page = Files.readString(Path.of("..", "docs", "annotations.md"));
    for (ErrorKey key : ErrorKey.values()) {
      assertTrue(page.contains("`" + key.name() + "`"), key + " is not documented");
    }
  }

  private static String reply(EndpointDispatcher<Object> dispatcher, Object endpoint, FakeContext context, String message)
      throws Exception {
    Envelope envelope = Envelope.parse(message, dispatcher::payloadCodec);
    DispatchResult result = dispatcher.dispatch(endpoint, envelope.command(), envelope.payload(), context);
    return result.isNone() ? null : Json.writeString(result.codec(), result.value());
  }
}
