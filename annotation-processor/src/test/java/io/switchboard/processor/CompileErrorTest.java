package io.switchboard.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One test per mistake the processor turns into a compile error: the message (with its key), the
 * file and the line it points at.
 */
class CompileErrorTest {

  static JavaFileObject source(String name, String body) {
    return JavaFileObjects.forSourceString("app." + name, "package app;\n\nimport io.switchboard.*;\nimport java.util.*;\n\n" + body);
  }

  static Compilation compile(JavaFileObject... sources) {
    return javac().withProcessors(new SwitchboardProcessor()).compile(sources);
  }

  /** Compiles one endpoint and asserts exactly one error, with this text, on this line. */
  static void assertSingleError(String body, String message, String line) {
    JavaFileObject file = source("Chat", body);
    Compilation compilation = compile(file);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(message).inFile(file).onLineContaining(line);
  }

  @Test
  void duplicateCommandNamesPointAtTheSecondHandler() {
    assertSingleError("""
        @WsEndpoint("/chat")
        class Chat {
          @WsCommand("hello") String greet() { return "hi"; }
          @WsCommand("hello") String hello() { return "hello"; }
        }
        """,
        "[SwDuplicateCommand] command \"hello\" is already handled by Chat.greet()",
        "String hello()");
  }

  @Test
  void aDefaultCommandNameCanDuplicateAnExplicitOne() {
    assertSingleError("""
        @WsEndpoint("/chat")
        class Chat {
          @WsCommand("users") String list() { return ""; }
          @WsCommand String users() { return ""; }
        }
        """,
        "[SwDuplicateCommand] command \"users\" is already handled by Chat.list()",
        "String users()");
  }

  @Test
  void duplicateEndpointPathsPointAtTheSecondEndpoint() {
    JavaFileObject first = source("Chat", """
        @WsEndpoint("/chat")
        class Chat {
          @WsCommand String hello() { return "hi"; }
        }
        """);
    JavaFileObject second = source("Talk", """
        @WsEndpoint("/chat")
        class Talk {
          @WsCommand String hello() { return "hi"; }
        }
        """);
    Compilation compilation = compile(first, second);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[SwDuplicatePath] endpoint path \"/chat\" is already served by app.Chat")
        .inFile(second)
        .onLineContaining("@WsEndpoint(\"/chat\")");
  }

  @Test
  void aPathMustStartWithASlash() {
    assertSingleError("""
        @WsEndpoint("chat")
        class Chat {}
        """,
        "[SwBadPath] endpoint path \"chat\" must start with / and contain no whitespace, ? or #",
        "@WsEndpoint(\"chat\")");
  }

  @Test
  void twoPayloadParametersPointAtTheSecond() {
    assertSingleError("""
        @WsEndpoint("/chat")
        class Chat {
          record Line(String text) {}
          @WsCommand void say(Line line, WsSession session,
              String extra) {}
        }
        """,
        "[SwTwoPayloads] say() already takes the payload as line; a command has at most one payload parameter",
        "String extra");
  }

  @Test
  void unsupportedPayloadTypeIsReportedOnTheParameter() {
    assertSingleError("""
        @WsEndpoint("/chat")
        class Chat {
          @WsCommand void store(
              Object anything) {}
        }
        """,
        "[SwUnsupportedType] payload parameter anything of store(): Object: java.lang.Object has no JSON codec",
        "Object anything");
  }

  @Test
  void unsupportedFieldTypeNamesTheFieldPathAtTheUseAndOnTheField() {
    JavaFileObject file = source("Chat", """
        @WsEndpoint("/shop")
        class Chat {
          record Meta(Thread owner) {}
          record Item(String name, Meta meta) {}
          record Order(List<Item> items) {}
          @WsCommand void order(
              Order order) {}
          @WsCommand Item first() { return null; }
        }
        """);
    Compilation compilation = compile(file);
    assertThat(compilation).hadErrorCount(3);
    assertThat(compilation)
        .hadErrorContaining("[SwUnsupportedType] payload parameter order of order(): Order.items[].meta.owner: java.lang.Thread has no JSON codec")
        .inFile(file)
        .onLineContaining("Order order");
    assertThat(compilation)
        .hadErrorContaining("[SwUnsupportedType] return type of first(): Item.meta.owner: java.lang.Thread has no JSON codec")
        .inFile(file)
        .onLineContaining("Item first()");
    assertThat(compilation)
        .hadErrorContaining("[SwUnsupportedType] Meta.owner: java.lang.Thread has no JSON codec")
        .inFile(file)
        .onLineContaining("record Meta(Thread owner)");
  }

  @Test
  void unsupportedReturnTypeIsReportedOnTheMethod() {
    assertSingleError("""
        @WsEndpoint("/chat")
        class Chat {
          @WsCommand
          Map<Integer, String> names() { return Map.of(); }
        }
        """,
        "[SwUnsupportedType] return type of names(): Map<Integer, String>: java.util.Map<java.lang.Integer,java.lang.String> has no JSON codec: map keys must be String",
        "names()");
  }

  @Test
  void privateHandlersAreErrors() {
    assertSingleError("""
        @WsEndpoint("/chat")
        class Chat {
          @WsCommand
          private String hello() { return "hi"; }
        }
        """,
        "[SwHandlerPrivate] @WsCommand method hello() must not be private",
        "private String hello()");
  }

  @Test
  void staticHandlersAreErrors() {
    assertSingleError("""
        @WsEndpoint("/chat")
        class Chat {
          @OnOpen
          static void opened(WsSession session) {}
        }
        """,
        "[SwHandlerStatic] @OnOpen method opened() must not be static",
        "static void opened");
  }

  @Test
  void genericHandlersAreErrors() {
    assertSingleError("""
        @WsEndpoint("/chat")
        class Chat {
          @WsCommand
          <T> T echo(T value) { return value; }
        }
        """,
        "[SwBadParameter] @WsCommand method echo() must not be generic",
        "<T> T echo(");
  }

  @Test
  void anEndpointNeedsAnAccessibleConstructor() {
    assertSingleError("""
        @WsEndpoint("/chat")
        class Chat {
          private Chat() {}
          @WsCommand String hello() { return "hi"; }
        }
        """,
        "[SwEndpointConstructor] endpoint class Chat has no accessible constructor",
        "private Chat()");
  }

  @Test
  void anEndpointMustNotBeAbstract() {
    assertSingleError("""
        @WsEndpoint("/chat")
        abstract class Chat {
          @WsCommand String hello() { return "hi"; }
        }
        """,
        "[SwEndpointAbstract] endpoint class Chat must not be abstract",
        "abstract class Chat");
  }

  @Test
  void anEndpointMustNotBeGeneric() {
    assertSingleError("""
        @WsEndpoint("/chat")
        class Chat<T> {
          @WsCommand String hello() { return "hi"; }
        }
        """,
        "[SwEndpointGeneric] endpoint class Chat must not be generic",
        "class Chat<T>");
  }

  @Test
  void anEndpointMustBeAClass() {
    assertSingleError("""
        @WsEndpoint("/chat")
        interface Chat {}
        """,
        "[SwEndpointKind] @WsEndpoint goes on a class, not on an interface Chat",
        "@WsEndpoint(\"/chat\")");
  }

  @Test
  void aNestedEndpointMustBeStatic() {
    assertSingleError("""
        class Outer {
          @WsEndpoint("/chat")
          class Chat {
            @WsCommand String hello() { return "hi"; }
          }
        }
        """,
        "[SwEndpointAccess] nested endpoint class Chat must be static",
        "class Chat {");
  }

  @Test
  void aNestedEndpointMustNotBePrivate() {
    assertSingleError("""
        class Outer {
          @WsEndpoint("/chat")
          private static class Chat {
            @WsCommand String hello() { return "hi"; }
          }
        }
        """,
        "[SwEndpointAccess] endpoint class Chat must not be private",
        "private static class Chat");
  }

  @Test
  void aBadPeriodPointsAtTheAnnotationValue() {
    assertSingleError("""
        @WsEndpoint("/chat")
        class Chat {
          @Every("5x") void tick(Broadcaster all) {}
        }
        """,
        "[SwBadPeriod] bad period \"5x\": write a positive whole number and a unit, ms, s, m or h",
        "@Every(\"5x\")");
  }

  @Test
  void aZeroPeriodIsAnError() {
    assertSingleError("""
        @WsEndpoint("/chat")
        class Chat {
          @Every("0s") void tick(Broadcaster all) {}
        }
        """,
        "[SwBadPeriod] bad period \"0s\"",
        "@Every(\"0s\")");
  }

  @Test
  void aScheduledMethodHasNoSession() {
    assertSingleError("""
        @WsEndpoint("/chat")
        class Chat {
          @Every("1s") void tick(
              WsSession session) {}
        }
        """,
        "[SwBadParameter] @Every method tick() cannot take WsSession session: it runs without a session",
        "WsSession session)");
  }

  @Test
  void onOpenTakesOnlyContextParameters() {
    assertSingleError("""
        @WsEndpoint("/chat")
        class Chat {
          @OnOpen void opened(WsSession session,
              String greeting) {}
        }
        """,
        "[SwBadParameter] @OnOpen method opened() cannot take String greeting: it takes any of WsSession, Broadcaster, Sessions, Rooms, Presence, EndpointInfo",
        "String greeting");
  }

  @Test
  void onOpenReturnsVoid() {
    assertSingleError("""
        @WsEndpoint("/chat")
        class Chat {
          @OnOpen
          String opened(WsSession session) { return "hi"; }
        }
        """,
        "[SwBadReturn] @OnOpen method opened() must return void, not String",
        "String opened(");
  }

  @Test
  void closeReasonIsOnlyForOnClose() {
    assertSingleError("""
        @WsEndpoint("/chat")
        class Chat {
          @OnOpen void opened(
              CloseReason reason) {}
        }
        """,
        "[SwBadParameter] @OnOpen method opened() cannot take CloseReason reason",
        "CloseReason reason");
  }

  @Test
  void onCloseTakesOnlyCloseReasonAndContext() {
    assertSingleError("""
        @WsEndpoint("/chat")
        class Chat {
          @OnClose void closed(CloseReason reason,
              int code) {}
        }
        """,
        "[SwBadParameter] @OnClose method closed() cannot take int code: it takes any of CloseReason, WsSession",
        "int code");
  }

  @Test
  void onErrorTakesOneThrowable() {
    assertSingleError("""
        @WsEndpoint("/chat")
        class Chat {
          @OnError void failed(Throwable error,
              Exception another) {}
        }
        """,
        "[SwBadParameter] @OnError method failed() cannot take Exception another: it takes one Throwable",
        "Exception another");
  }

  @Test
  void onBinaryNeedsTheMessage() {
    assertSingleError("""
        @WsEndpoint("/chat")
        class Chat {
          @OnBinary
          void received(WsSession session) {}
        }
        """,
        "[SwBadParameter] @OnBinary method received() must take the message as a byte[] or ByteBuffer parameter",
        "void received(");
  }

  @Test
  void onTextReturnsVoidOrString() {
    assertSingleError("""
        @WsEndpoint("/echo")
        class Chat {
          @OnText
          int echo(String text) { return 1; }
        }
        """,
        "[SwBadReturn] @OnText method echo() must return void or String, not int",
        "int echo(");
  }

  @Test
  void onTextExcludesCommands() {
    assertSingleError("""
        @WsEndpoint("/echo")
        class Chat {
          @WsCommand String hello() { return "hi"; }
          @OnText
          String echo(String text) { return text; }
        }
        """,
        "[SwTextWithCommands] @OnText method echo() takes every text message, so Chat.hello() and the other @WsCommand methods would never run",
        "String echo(");
  }

  @Test
  void atMostOneOfEachLifecycleMethod() {
    assertSingleError("""
        @WsEndpoint("/chat")
        class Chat {
          @OnOpen void first() {}
          @OnOpen void second() {}
        }
        """,
        "[SwDuplicateLifecycle] @OnOpen is already on Chat.first(); an endpoint has at most one @OnOpen method",
        "void second()");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "OnOpen   | void first() {}                 | void second() {}",
    "OnClose  | void first(CloseReason r) {}    | void second() {}",
    "OnError  | void first(Throwable e) {}      | void second(Exception e) {}",
    "OnBinary | void first(byte[] data) {}      | void second(java.nio.ByteBuffer data) {}",
    "OnText   | void first(String text) {}      | String second(String text) { return text; }",
  })
  void atMostOneOfEachLifecycleMethodWhicheverItIs(String annotation, String first, String second) {
    assertSingleError("""
        @WsEndpoint("/chat")
        class Chat {
          @%1$s %2$s
          @%1$s %3$s
        }
        """.formatted(annotation, first, second),
        "[SwDuplicateLifecycle] @" + annotation + " is already on Chat.first(); an endpoint has at most one @" + annotation + " method",
        second);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "@OnClose     | int closed(CloseReason reason) { return 0; }  | [SwBadReturn] @OnClose method closed() must return void, not int",
    "@OnError     | String failed(Throwable e) { return null; }   | [SwBadReturn] @OnError method failed() must return void, not String",
    "@OnBinary    | String received(byte[] data) { return null; } | [SwBadReturn] @OnBinary method received() must return void, byte[] or ByteBuffer, not String",
    "@Every(\"1s\") | int tick() { return 0; }                       | [SwBadReturn] @Every method tick() must return void, not int",
  })
  void lifecycleAndScheduledMethodsReturnWhatTheirRoleAllows(String annotation, String method, String message) {
    assertSingleError("""
        @WsEndpoint("/chat")
        class Chat {
          %s %s
        }
        """.formatted(annotation, method), message, method);
  }

  @Test
  void anExplicitlyEmptyCommandNameIsAnError() {
    assertSingleError("""
        @WsEndpoint("/chat")
        class Chat {
          @WsCommand("") String hello() { return "hi"; }
        }
        """,
        "[SwBadCommandName] invalid command name \"\": it must not be empty",
        "@WsCommand(\"\")");
  }

  @Test
  void aBlankCommandNameIsAnError() {
    assertSingleError("""
        @WsEndpoint("/chat")
        class Chat {
          @WsCommand("  ") String hello() { return "hi"; }
        }
        """,
        "[SwBadCommandName] invalid command name \"  \": it must not be blank",
        "@WsCommand(\"  \")");
  }

  @Test
  void aCommandNameWithWhitespaceIsAnError() {
    assertSingleError("""
        @WsEndpoint("/chat")
        class Chat {
          @WsCommand("say hi") String hello() { return "hi"; }
        }
        """,
        "[SwBadCommandName] invalid command name \"say hi\": it must not contain whitespace",
        "@WsCommand(\"say hi\")");
  }

  @Test
  void aCommandNameStartingWithABraceIsAnError() {
    assertSingleError("""
        @WsEndpoint("/chat")
        class Chat {
          @WsCommand("{hello") String hello() { return "hi"; }
        }
        """,
        "[SwBadCommandName] invalid command name \"{hello\": it must not start with {",
        "@WsCommand(\"{hello\")");
  }

  @Test
  void aMethodPlaysOneRole() {
    assertSingleError("""
        @WsEndpoint("/chat")
        class Chat {
          @OnOpen @WsCommand
          void both() {}
        }
        """,
        "[SwConflictingAnnotations] both() is annotated @WsCommand and @OnOpen; a handler plays one role",
        "void both()");
  }

  @Test
  void handlersOutsideAnEndpointAreErrors() {
    assertSingleError("""
        class Chat {
          @WsCommand String hello() { return "hi"; }
        }
        """,
        "[SwHandlerOutsideEndpoint] @WsCommand method hello() is in Chat, which is neither a @WsEndpoint class nor an abstract base of one",
        "@WsCommand String hello()");
  }

  @Test
  void nonBlockingGoesOnSessionHandlersOnly() {
    // An @Every method runs on the scheduler, not on a session's thread: @NonBlocking would do nothing.
    assertSingleError("""
        @WsEndpoint("/chat")
        class Chat {
          @Every("5s")
          @NonBlocking
          void tick() {}
        }
        """,
        "[SwNonBlockingPlacement] @NonBlocking on tick() has no effect: it chooses the thread of a @WsCommand, @OnText, @OnBinary, @OnOpen, @OnClose or @OnError method only",
        "@NonBlocking");
    assertSingleError("""
        @WsEndpoint("/chat")
        class Chat {
          @NonBlocking
          String helper() { return ""; }
        }
        """,
        "[SwNonBlockingPlacement] @NonBlocking on helper() has no effect: it chooses the thread of a @WsCommand, @OnText, @OnBinary, @OnOpen, @OnClose or @OnError method only",
        "@NonBlocking");
  }

  @Test
  void handlersInInterfacesAreErrors() {
    assertSingleError("""
        interface Greeter {
          @WsCommand default String hello() { return "hi"; }
        }
        """,
        "[SwHandlerOutsideEndpoint] @WsCommand method hello() is in Greeter, which is neither a @WsEndpoint class nor an abstract base of one",
        "@WsCommand default String hello()");
  }

  @Test
  void inheritedHandlersFromAnotherPackageMustBePublic() {
    JavaFileObject base = JavaFileObjects.forSourceString("base.BaseEndpoint", """
        package base;

        import io.switchboard.*;

        public abstract class BaseEndpoint {
          @WsCommand
          protected String version() { return "1"; }
        }
        """);
    JavaFileObject chat = source("Chat", """
        @WsEndpoint("/chat")
        class Chat extends base.BaseEndpoint {}
        """);
    Compilation compilation = compile(base, chat);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[SwHandlerPrivate] @WsCommand method version() is inherited by Chat from another package, so it must be public")
        .inFile(base)
        .onLineContaining("protected String version()");
  }

  @Test
  void aCommandNameIsUniqueAcrossInheritedHandlers() {
    JavaFileObject file = source("Chat", """
        abstract class Base {
          @WsCommand String hello() { return "base"; }
        }

        @WsEndpoint("/chat")
        class Chat extends Base {
          @WsCommand("hello") String greet() { return "chat"; }
        }
        """);
    Compilation compilation = compile(file);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[SwDuplicateCommand] command \"hello\" is already handled by Base.hello()")
        .inFile(file)
        .onLineContaining("String greet()");
  }

  @Test
  void wsMessageTypesMustBeEncodable() {
    assertSingleError("""
        @WsMessage
        record Temperature(double celsius,
            Object source) {}
        """,
        "[SwUnsupportedType] Temperature.source: java.lang.Object has no JSON codec",
        "Object source");
  }

  @Test
  void aWsMessageTypeThatIsNotConcreteIsReportedOnTheType() {
    assertSingleError("""
        @WsMessage
        abstract class Event {}
        """,
        "[SwUnsupportedType] @WsMessage type Event: Event: app.Event has no JSON codec: an abstract class cannot be decoded",
        "abstract class Event");
  }

  @Test
  void twoMembersWithOneJsonNameAreAnError() {
    assertSingleError("""
        @WsMessage
        record Person(@com.fasterxml.jackson.annotation.JsonProperty("name") String first,
            String name) {}
        """,
        "[SwUnsupportedType] @WsMessage type Person: Person: two members have the JSON name \"name\"; rename one with @JsonProperty",
        "record Person");
  }

  @Test
  void wsMessageGoesOnAConcreteType() {
    assertSingleError("""
        @WsMessage
        interface Event {}
        """,
        "[SwMessageKind] @WsMessage goes on a record, an enum or a class, not on Event",
        "@WsMessage");
  }

  @Test
  void everyMistakeOfACompilationIsReported() {
    JavaFileObject file = source("Chat", """
        @WsEndpoint("/chat")
        class Chat {
          @WsCommand("hello") String greet() { return "hi"; }
          @WsCommand("hello") String hello() { return "hello"; }
          @Every("soon") void tick() {}
          @WsCommand private void hidden() {}
        }
        """);
    Compilation compilation = compile(file);
    assertThat(compilation).hadErrorCount(3);
    assertThat(compilation).hadErrorContaining("[SwDuplicateCommand]").inFile(file).onLineContaining("String hello()");
    assertThat(compilation).hadErrorContaining("[SwBadPeriod]").inFile(file).onLineContaining("@Every(\"soon\")");
    assertThat(compilation).hadErrorContaining("[SwHandlerPrivate]").inFile(file).onLineContaining("void hidden()");
  }
}
