package io.switchboard.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.CloseReason;
import io.switchboard.CommandInfo;
import io.switchboard.WsException;
import io.switchboard.json.Json;
import io.switchboard.spi.DispatchResult;
import io.switchboard.spi.EndpointDispatcher;
import io.switchboard.spi.Envelope;
import io.switchboard.spi.ScheduledMethod;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Compiles a chat endpoint, finds its generated dispatcher with {@link ServiceLoader} as the runtime
 * does, and dispatches messages in both forms to it, without a network.
 */
class DispatchTest {

  private static final String CHAT = """
      package chat;

      import io.switchboard.*;
      import java.util.List;
      import java.util.concurrent.CompletableFuture;
      import java.util.concurrent.CompletionStage;

      @WsEndpoint(value = "/chat", subprotocols = {"chat.v2", "chat.v1"})
      public class ChatEndpoint {
        public record ChatLine(String text) {}
        public record UserInfo(String id, String name) {}
        public record Sum(List<Integer> terms) {}

        @OnOpen
        void joined(WsSession session, Broadcaster all) {
          session.attributes().put("name", "anonymous");
          all.toAllExcept(session, "joined", new UserInfo(session.id(), "anonymous"));
        }

        @WsCommand
        String hello() {
          return "Hello, human";
        }

        @WsCommand("name")
        String rename(WsSession session, String newName) {
          if (newName.isBlank()) {
            throw new WsException("name_required", "give a name");
          }
          session.attributes().put("name", newName);
          return "you are " + newName;
        }

        @WsCommand
        void say(ChatLine line, WsSession session, Broadcaster all) {
          all.toAll("chat", new UserInfo(session.id(), line.text()));
        }

        @WsCommand
        List<UserInfo> users(Sessions sessions) {
          return sessions.all().stream()
              .map(s -> new UserInfo(s.id(), (String) s.attributes().get("name")))
              .toList();
        }

        @WsCommand
        @NonBlocking
        CompletionStage<Integer> sum(Sum sum) {
          return CompletableFuture.supplyAsync(() -> sum.terms().stream().mapToInt(Integer::intValue).sum());
        }

        @WsCommand
        int fail() {
          throw new IllegalStateException("boom");
        }

        @Every("5s")
        void tick(Broadcaster all, Sessions sessions) {
          all.toAll("tick", sessions.count());
        }

        @OnClose
        @NonBlocking
        void left(WsSession session, CloseReason why, Broadcaster all) {
          all.toAll("left", why.code());
        }
      }
      """;

  private static Compiled compiled;
  private static EndpointDispatcher<Object> dispatcher;
  private Object endpoint;
  private FakeContext context;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void compile() {
    compiled = Compiled.compile("chat.ChatEndpoint", CHAT);
    List<EndpointDispatcher<?>> found = new java.util.ArrayList<>();
    ServiceLoader.load(EndpointDispatcher.class, compiled.loader()).forEach(found::add);
    assertEquals(1, found.size(), "dispatchers found through ServiceLoader");
    dispatcher = (EndpointDispatcher<Object>) found.get(0);
  }

  @AfterAll
  static void close() throws Exception {
    compiled.close();
  }

  private Object endpoint() {
    if (endpoint == null) {
      endpoint = dispatcher.newEndpoint();
      context = new FakeContext(dispatcher);
    }
    return endpoint;
  }

  /** Dispatches one message as the runtime would and returns the encoded reply data. */
  private String send(String message) throws Exception {
    Envelope envelope = Envelope.parse(message, dispatcher::payloadCodec);
    DispatchResult result = dispatcher.dispatch(endpoint(), envelope.command(), envelope.payload(), context);
    if (result.isNone()) {
      return null;
    }
    Object value = result.value();
    if (result.isAsync()) {
      value = ((CompletionStage<?>) value).toCompletableFuture().get(5, TimeUnit.SECONDS);
    }
    return Json.writeString(result.codec(), value);
  }

  private WsException sendFailing(String message) {
    return assertThrows(WsException.class, () -> send(message));
  }

  @Test
  void describesTheEndpoint() {
    assertEquals("/chat", dispatcher.path());
    assertEquals("chat.ChatEndpoint", dispatcher.endpointType().getName());
    assertEquals(List.of("chat.v2", "chat.v1"), dispatcher.subprotocols());
    assertEquals(
        List.of(
            new CommandInfo("hello", "ChatEndpoint#hello()", "", false),
            new CommandInfo("name", "ChatEndpoint#rename(WsSession, String)", "String", false),
            new CommandInfo("say", "ChatEndpoint#say(ChatLine, WsSession, Broadcaster)", "ChatLine", false),
            new CommandInfo("users", "ChatEndpoint#users(Sessions)", "", false),
            new CommandInfo("sum", "ChatEndpoint#sum(Sum)", "Sum", true, "{\"terms\":…}"),
            new CommandInfo("fail", "ChatEndpoint#fail()", "", false)),
        dispatcher.commands());
    assertEquals(List.of(new ScheduledMethod("ChatEndpoint#tick(Broadcaster, Sessions)", 5000, io.switchboard.Every.Scope.CLUSTER)), dispatcher.scheduled());
  }

  @Test
  void repliesToJsonAndTextLineCommands() throws Exception {
    assertEquals("\"Hello, human\"", send("{\"cmd\":\"hello\",\"id\":1}"));
    assertEquals("\"Hello, human\"", send("hello"));
    assertEquals("\"you are Tony\"", send("name Tony"));
    assertEquals("\"you are Ann Lee\"", send("{\"cmd\":\"name\",\"data\":\"Ann Lee\"}"));
    assertEquals("[{\"id\":\"s1\",\"name\":\"Ann Lee\"}]", send("users"));
    assertEquals("6", send("{\"cmd\":\"sum\",\"data\":{\"terms\":[1,2,3]}}"));
  }

  @Test
  void decodesRecordPayloadsFromJsonAndFromTheTextLine() throws Exception {
    assertEquals(null, send("{\"cmd\":\"say\",\"data\":{\"text\":\"hi all\",\"extra\":[1,{\"x\":2}]}}"));
    assertEquals(null, send("say hello there"));
    assertEquals(
        List.of(
            new FakeContext.Push("all", "chat", userInfo("s1", "hi all")),
            new FakeContext.Push("all", "chat", userInfo("s1", "hello there"))),
        context.pushes);
  }

  private Object userInfo(String id, String name) throws Exception {
    Class<?> type = compiled.load("chat.ChatEndpoint$UserInfo");
    return type.getDeclaredConstructor(String.class, String.class).newInstance(id, name);
  }

  @Test
  void unknownCommandIsAnError() {
    WsException error = sendFailing("{\"cmd\":\"nope\"}");
    assertEquals(WsException.UNKNOWN_COMMAND, error.code());
    assertEquals("unknown command \"nope\"", error.getMessage());
  }

  @Test
  void handlerErrorsKeepTheirCodes() {
    assertEquals("name_required", sendFailing("{\"cmd\":\"name\",\"data\":\" \"}").code());
    assertThrows(IllegalStateException.class, () -> send("fail"));
  }

  @Test
  void badPayloadsAreBadRequestsWithTheirPath() {
    WsException missing = sendFailing("{\"cmd\":\"say\",\"data\":{}}");
    assertEquals(WsException.BAD_REQUEST, missing.code());
    assertEquals("$.text", missing.path());

    WsException wrongType = sendFailing("{\"cmd\":\"sum\",\"data\":{\"terms\":[1,\"two\",3]}}");
    assertEquals(WsException.BAD_REQUEST, wrongType.code());
    assertEquals("$.terms[1]", wrongType.path());
    assertEquals("$.terms[1]: expected an integer, got \"two\"", wrongType.getMessage());

    WsException absent = sendFailing("{\"cmd\":\"say\"}");
    assertEquals(WsException.BAD_REQUEST, absent.code());

    WsException notAString = sendFailing("{\"cmd\":\"name\",\"data\":[42]}");
    assertEquals(WsException.BAD_REQUEST, notAString.code());
  }

  @Test
  void listsTheNonBlockingHandlersOtherThanCommands() {
    assertEquals(Set.of(EndpointDispatcher.Handler.CLOSE), dispatcher.nonBlockingHandlers());
  }

  @Test
  void runsLifecycleAndScheduledMethods() throws Exception {
    Object chat = endpoint();
    dispatcher.onOpen(chat, context);
    assertEquals("anonymous", context.session.attributes().get("name"));
    dispatcher.runScheduled(chat, 0, context);
    dispatcher.onClose(chat, new CloseReason(1001, "bye"), context);
    assertEquals(
        List.of(
            new FakeContext.Push("all but s1", "joined", userInfo("s1", "anonymous")),
            new FakeContext.Push("all", "tick", 1),
            new FakeContext.Push("all", "left", 1001)),
        context.pushes);
    assertThrows(IndexOutOfBoundsException.class, () -> dispatcher.runScheduled(chat, 1, context));
    assertFalse(dispatcher.onError(chat, new RuntimeException(), context));
    assertFalse(dispatcher.handlesErrors());
    assertTrue(dispatcher.handlesOpen());
    assertTrue(dispatcher.handlesClose());
    assertFalse(dispatcher.handlesRawText());
    assertFalse(dispatcher.handlesBinary());
  }

  @Test
  void registersTheCodecsOfItsPackage() throws Exception {
    assertEquals("chat.ChatEndpoint_Dispatcher\n", compiled.resource("META-INF/services/io.switchboard.spi.EndpointDispatcher"));
    assertEquals("chat.Switchboard_Codecs\n", compiled.resource("META-INF/services/io.switchboard.json.CodecProvider"));
    io.switchboard.json.CodecRegistry registry = io.switchboard.json.CodecRegistry.load(compiled.loader());
    Object user = userInfo("s9", "Zoe");
    assertEquals("{\"id\":\"s9\",\"name\":\"Zoe\"}", Json.writeString(registry.forValue(user), user));
    assertNotNull(registry.find(compiled.load("chat.ChatEndpoint$ChatLine")));
  }
}
