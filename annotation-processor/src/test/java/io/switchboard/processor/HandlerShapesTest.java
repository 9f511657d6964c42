package io.switchboard.processor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.WsException;
import io.switchboard.json.Json;
import io.switchboard.spi.DispatchResult;
import io.switchboard.spi.EndpointDispatcher;
import io.switchboard.spi.Envelope;
import io.switchboard.spi.ScheduledMethod;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The less common handler shapes, dispatched through the generated code: raw text and binary
 * endpoints, error hooks, asynchronous and optional payloads, scalar text-line arguments.
 */
class HandlerShapesTest {

  private static final String ECHO = """
      package shapes;

      import io.switchboard.*;
      import java.io.IOException;
      import java.nio.ByteBuffer;

      @WsEndpoint("/echo")
      public class EchoEndpoint {
        public final java.util.List<String> errors = new java.util.ArrayList<>();

        @OnText
        String echo(String text, WsSession session) {
          return text.isEmpty() ? null : "echo: " + text;
        }

        @OnBinary
        byte[] reverse(byte[] data) {
          byte[] reversed = new byte[data.length];
          for (int i = 0; i < data.length; i++) {
            reversed[i] = data[data.length - 1 - i];
          }
          return reversed;
        }

        @OnError
        void failed(IOException error, WsSession session) {
          errors.add(session.id() + ": " + error.getMessage());
        }
      }
      """;

  private static final String TOOLS = """
      package shapes;

      import com.fasterxml.jackson.databind.JsonNode;
      import io.switchboard.*;
      import java.nio.ByteBuffer;
      import java.time.Instant;
      import java.util.List;
      import java.util.Optional;
      import java.util.concurrent.CompletableFuture;
      import java.util.concurrent.CompletionStage;

      @WsEndpoint("/tools")
      public class ToolsEndpoint {
        public enum Unit { CELSIUS, FAHRENHEIT }

        private final String prefix;

        public ToolsEndpoint(String prefix) {
          this.prefix = prefix;
        }

        @WsCommand
        int twice(int n) {
          return 2 * n;
        }

        @WsCommand
        String since(Optional<Instant> from) {
          return from.map(Instant::toString).orElse("forever");
        }

        @WsCommand
        Unit convert(Unit unit) {
          return unit == Unit.CELSIUS ? Unit.FAHRENHEIT : Unit.CELSIUS;
        }

        @WsCommand
        long sum(List<Long> terms) {
          return terms.stream().mapToLong(Long::longValue).sum();
        }

        @WsCommand
        CompletionStage<Void> later() {
          return CompletableFuture.completedFuture(null);
        }

        @WsCommand
        JsonNode reflect(JsonNode anything) {
          return anything;
        }

        @WsCommand
        List<String> commands(EndpointInfo info) {
          return info.commands().stream().map(CommandInfo::name).toList();
        }

        @WsCommand
        byte[] bytes(String text) {
          return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }

        @OnBinary
        void consume(ByteBuffer data, Rooms rooms) {}

        @Every("250ms")
        void often(Sessions sessions) {}

        @Every("3m")
        void sometimes(Rooms rooms, EndpointInfo info) {}

        @Every("2h")
        void rarely() {}

        @OnError
        void failed(Throwable error) {
          throw new IllegalStateException("the hook itself failed", error);
        }
      }
      """;

  private static final String BASE = """
      package shapes;

      import io.switchboard.*;

      public abstract class BaseEndpoint {
        @WsCommand
        public String version() {
          return "base 1";
        }

        @WsCommand
        public String overridden() {
          return "base";
        }

        @OnOpen
        void opened(WsSession session) {
          session.attributes().put("opened by", getClass().getSimpleName());
        }
      }
      """;

  private static final String DERIVED = """
      package shapes;

      import io.switchboard.*;

      @WsEndpoint("/derived")
      public class DerivedEndpoint extends BaseEndpoint {
        @Override
        @WsCommand
        public String overridden() {
          return "derived";
        }

        @WsCommand
        String own() {
          return "own";
        }
      }
      """;

  private static Compiled compiled;
  private static EndpointDispatcher<Object> echo;
  private static EndpointDispatcher<Object> tools;
  private static EndpointDispatcher<Object> derived;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void compile() {
    compiled = Compiled.compile("shapes.EchoEndpoint", ECHO, "shapes.ToolsEndpoint", TOOLS,
        "shapes.BaseEndpoint", BASE, "shapes.DerivedEndpoint", DERIVED);
    List<EndpointDispatcher<?>> found = new ArrayList<>();
    ServiceLoader.load(EndpointDispatcher.class, compiled.loader()).forEach(found::add);
    for (EndpointDispatcher<?> dispatcher : found) {
      switch (dispatcher.path()) {
        case "/echo" -> echo = (EndpointDispatcher<Object>) dispatcher;
        case "/tools" -> tools = (EndpointDispatcher<Object>) dispatcher;
        default -> derived = (EndpointDispatcher<Object>) dispatcher;
      }
    }
  }

  @AfterAll
  static void close() throws IOException {
    compiled.close();
  }

  @Test
  void rawTextEndpointsGetEveryTextMessage() throws Exception {
    assertTrue(echo.handlesRawText());
    assertEquals(List.of(), echo.commands());
    Object endpoint = echo.newEndpoint();
    FakeContext context = new FakeContext(echo);
    DispatchResult result = echo.onText(endpoint, "{\"cmd\":\"not parsed\"}", context);
    assertEquals("\"echo: {\\\"cmd\\\":\\\"not parsed\\\"}\"", Json.writeString(result.codec(), result.value()));
    assertNull(echo.onText(endpoint, "", context).value());
    WsException unknown = assertThrows(WsException.class, () -> echo.dispatch(endpoint, "hello", null, context));
    assertEquals(WsException.UNKNOWN_COMMAND, unknown.code());
  }

  @Test
  void binaryHandlersTakeAndReturnBytes() throws Exception {
    assertTrue(echo.handlesBinary());
    ByteBuffer reply = echo.onBinary(echo.newEndpoint(), ByteBuffer.wrap(new byte[] {1, 2, 3}), new FakeContext(echo));
    byte[] bytes = new byte[reply.remaining()];
    reply.get(bytes);
    assertArrayEquals(new byte[] {3, 2, 1}, bytes);
    assertNull(tools.onBinary(endpoint("x"), ByteBuffer.allocate(1), new FakeContext(tools)), "a void binary handler sends nothing back");
  }

  @Test
  void anErrorHookForASubtypeSeesOnlyThatSubtype() throws Exception {
    Object endpoint = echo.newEndpoint();
    FakeContext context = new FakeContext(echo);
    assertTrue(echo.handlesErrors());
    assertFalse(echo.handlesOpen(), "no @OnOpen");
    assertFalse(echo.handlesClose(), "no @OnClose");
    assertTrue(echo.onError(endpoint, new IOException("reset"), context));
    assertFalse(echo.onError(endpoint, new IllegalStateException("bug"), context));
    assertEquals(List.of("s1: reset"), endpoint.getClass().getField("errors").get(endpoint));
    IllegalStateException thrown = assertThrows(IllegalStateException.class,
        () -> tools.onError(endpoint("x"), new RuntimeException("x"), new FakeContext(tools)));
    assertEquals("the hook itself failed", thrown.getMessage());
  }

  @Test
  void anEndpointWithoutANoArgumentConstructorNeedsAnInstance() {
    UnsupportedOperationException error = assertThrows(UnsupportedOperationException.class, tools::newEndpoint);
    assertEquals("ToolsEndpoint has no accessible no-argument constructor: register an instance or a factory with the server",
        error.getMessage());
  }

  private static Object endpoint(String prefix) throws Exception {
    return compiled.load("shapes.ToolsEndpoint").getConstructor(String.class).newInstance(prefix);
  }

  private static String send(String message) throws Exception {
    Envelope envelope = Envelope.parse(message, tools::payloadCodec);
    DispatchResult result = tools.dispatch(endpoint(">"), envelope.command(), envelope.payload(), new FakeContext(tools));
    if (result.isNone()) {
      return "none";
    }
    Object value = result.value();
    if (result.isAsync()) {
      value = ((CompletionStage<?>) value).toCompletableFuture().get(5, TimeUnit.SECONDS);
      if (result.codec() == null) {
        return "done " + value;
      }
    }
    return Json.writeString(result.codec(), value);
  }

  @Test
  void scalarPayloadsComeFromTheTextLineOrJson() throws Exception {
    assertEquals("42", send("twice 21"));
    assertEquals("42", send("{\"cmd\":\"twice\",\"data\":21}"));
    assertEquals("\"FAHRENHEIT\"", send("convert CELSIUS"));
    assertEquals("\"CELSIUS\"", send("{\"cmd\":\"convert\",\"data\":\"FAHRENHEIT\"}"));
    assertEquals("6", send("sum 1 2 3"));
    assertEquals("6", send("{\"cmd\":\"sum\",\"data\":[1,2,3]}"));
    assertEquals("\"aGk=\"", send("bytes hi"));
  }

  @Test
  void badScalarArgumentsAreBadRequests() {
    WsException error = assertThrows(WsException.class, () -> send("twice many"));
    assertEquals(WsException.BAD_REQUEST, error.code());
    assertEquals("$: expected an integer, got \"many\"", error.getMessage());
    WsException missing = assertThrows(WsException.class, () -> send("twice"));
    assertEquals(WsException.BAD_REQUEST, missing.code());
    WsException unknownUnit = assertThrows(WsException.class, () -> send("convert KELVIN"));
    assertEquals("$: expected one of \"CELSIUS\", \"FAHRENHEIT\", got \"KELVIN\"", unknownUnit.getMessage());
  }

  @Test
  void anOptionalPayloadMayBeAbsent() throws Exception {
    assertEquals("\"forever\"", send("since"));
    assertEquals("\"forever\"", send("{\"cmd\":\"since\",\"data\":null}"));
    assertEquals("\"2024-01-01T00:00:00Z\"", send("since 2024-01-01T00:00:00Z"));
    assertEquals("\"2024-01-01T00:00:00Z\"", send("{\"cmd\":\"since\",\"data\":\"2024-01-01T00:00:00Z\"}"));
  }

  @Test
  void aCompletionStageOfVoidRepliesWithoutData() throws Exception {
    assertEquals("done null", send("later"));
  }

  @Test
  void jsonNodePayloadsAreFreeForm() throws Exception {
    assertEquals("{\"any\":[1,{\"thing\":true}]}", send("{\"cmd\":\"reflect\",\"data\":{\"any\":[1,{\"thing\":true}]}}"));
    assertEquals("[1,2]", send("reflect [1,2]"));
  }

  @Test
  void periodsAreInMilliseconds() throws Exception {
    assertEquals(List.of(250L, 180_000L, 7_200_000L),
        tools.scheduled().stream().map(ScheduledMethod::periodMillis).toList());
    assertEquals("ToolsEndpoint#sometimes(Rooms, EndpointInfo)", tools.scheduled().get(1).handler());
    tools.runScheduled(endpoint("x"), 2, new FakeContext(tools));
    assertThrows(IndexOutOfBoundsException.class, () -> tools.runScheduled(endpoint("x"), 3, new FakeContext(tools)));
  }

  @Test
  void endpointInfoListsTheCommands() throws Exception {
    assertEquals("[\"twice\",\"since\",\"convert\",\"sum\",\"later\",\"reflect\",\"commands\",\"bytes\"]", send("commands"));
  }

  @Test
  void handlersAreInheritedFromBaseClasses() throws Exception {
    assertEquals(List.of("version", "overridden", "own"),
        derived.commands().stream().map(io.switchboard.CommandInfo::name).toList());
    assertEquals("BaseEndpoint#version()", derived.commands().get(0).handler());
    Object endpoint = derived.newEndpoint();
    FakeContext context = new FakeContext(derived);
    for (String[] exchange : new String[][] {{"version", "\"base 1\""}, {"overridden", "\"derived\""}, {"own", "\"own\""}}) {
      DispatchResult result = derived.dispatch(endpoint, exchange[0], null, context);
      assertEquals(exchange[1], Json.writeString(result.codec(), result.value()));
    }
    derived.onOpen(endpoint, context);
    assertEquals("DerivedEndpoint", context.session.attributes().get("opened by"));
  }

  @Test
  void unusualButValidShapesCompileAndWork() throws Exception {
    try (Compiled odd = Compiled.compile("odd.OddEndpoint", """
        package odd;

        import io.switchboard.*;
        import java.util.*;

        @WsEndpoint("/odd")
        public class OddEndpoint {
          public interface Shape { double area(); }
          public record Square(double side) implements Shape {
            public Square {
              if (side < 0) {
                throw new IllegalArgumentException("negative side");
              }
            }
            public double area() { return side * side; }
          }
          public enum Op {
            ADD { int apply(int a, int b) { return a + b; } },
            MUL { int apply(int a, int b) { return a * b; } };
            abstract int apply(int a, int b);
          }
          public record Calc(Op op, int[] args) {}

          @WsCommand
          int words(String... words) { return words.length; }

          @WsCommand
          int[][] matrix(int[][] rows) { return rows; }

          @WsCommand
          List<Map<String, Square[]>> nested(List<Map<String, Square[]>> value) { return value; }

          @WsCommand
          int calc(Calc calc) { return Arrays.stream(calc.args()).reduce(calc.op() == Op.ADD ? 0 : 1, calc.op()::apply); }

          @WsCommand
          Optional<Double> area(Optional<Square> square) { return square.map(Square::area); }
        }
        """)) {
      @SuppressWarnings("unchecked")
      EndpointDispatcher<Object> dispatcher = (EndpointDispatcher<Object>)
          ServiceLoader.load(EndpointDispatcher.class, odd.loader()).findFirst().orElseThrow();
      Object endpoint = dispatcher.newEndpoint();
      FakeContext context = new FakeContext(dispatcher);
      java.util.function.Function<String, String> send = message -> {
        try {
          Envelope envelope = Envelope.parse(message, dispatcher::payloadCodec);
          DispatchResult result = dispatcher.dispatch(endpoint, envelope.command(), envelope.payload(), context);
          return Json.writeString(result.codec(), result.value());
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      };
      assertEquals("3", send.apply("words a b c"));
      assertEquals("[[1,2],[3]]", send.apply("{\"cmd\":\"matrix\",\"data\":[[1,2],[3]]}"));
      assertEquals("[{\"a\":[{\"side\":2.0}]}]", send.apply("{\"cmd\":\"nested\",\"data\":[{\"a\":[{\"side\":2}]}]}"));
      assertEquals("24", send.apply("{\"cmd\":\"calc\",\"data\":{\"op\":\"MUL\",\"args\":[2,3,4]}}"));
      assertEquals("4.0", send.apply("{\"cmd\":\"area\",\"data\":{\"side\":2}}"));
      assertEquals("null", send.apply("area"));
      WsException refused = assertThrows(WsException.class,
          () -> dispatcher.dispatch(endpoint, "nested", Envelope.parse("{\"cmd\":\"nested\",\"data\":[{\"a\":[{\"side\":-1}]}]}", dispatcher::payloadCodec).payload(), context));
      assertEquals(WsException.BAD_REQUEST, refused.code());
      assertEquals("$[0].a[0]: invalid value: negative side", refused.getMessage());
    }
  }

  @Test
  void theGeneratedCodeUsesNoReflection() throws Exception {
    for (var file : compiled.compilation().generatedSourceFiles()) {
      String source = file.getCharContent(true).toString();
      assertFalse(source.contains("java.lang.reflect"), file.getName());
      assertFalse(source.contains("MethodHandle"), file.getName());
      assertFalse(source.contains("getDeclared"), file.getName());
      assertFalse(source.contains("Class.forName"), file.getName());
    }
    assertEquals(List.of("shapes.DerivedEndpoint_Dispatcher", "shapes.EchoEndpoint_Dispatcher", "shapes.ToolsEndpoint_Dispatcher"),
        List.of(compiled.resource("META-INF/services/io.switchboard.spi.EndpointDispatcher").split("\n")));
  }
}
