package io.switchboard.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/**
 * The events an endpoint declares as {@code static final Event<T>} fields, and their mistakes (in
 * the words of {@link CompileErrorTest}).
 */
class EventDeclarationTest {

  @Test
  void aPushedTypeWithoutACodecIsAnErrorOnTheEventDeclaration() {
    CompileErrorTest.assertSingleError("""
        @WsEndpoint("/chat")
        class Chat {
          static final Event<Thread> TICK = Event.of("tick");
          @Every("1s") void tick(Broadcaster all) { all.toAll(TICK, Thread.currentThread()); }
        }
        """,
        "[SwEventPayload] event \"tick\" (TICK) pushes Thread: java.lang.Thread has no JSON codec",
        "Event<Thread> TICK");
  }

  @Test
  void aPushedOnlyTypeGetsItsCodecWithoutWsMessage() {
    Compilation compilation = CompileErrorTest.compile(CompileErrorTest.source("Chat", """
        @WsEndpoint("/chat")
        class Chat {
          record Tick(long at, Optional<String> note) {}
          static final Event<Tick> TICK = Event.of("tick");
          static final Event<List<Tick>> TICKS = Event.of("ticks");
          @Every("1s") void tick(Broadcaster all) { all.toAll(TICK, new Tick(1, Optional.empty())); }
        }
        """));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("app.Chat_Tick_JsonCodec");
  }

  @Test
  void anEventFieldMustBeStaticFinal() {
    CompileErrorTest.assertSingleError("""
        @WsEndpoint("/chat")
        class Chat {
          final Event<String> note = Event.of("note");
          @WsCommand String hello() { return "hi"; }
        }
        """,
        "[SwBadEvent] event field note must be static final",
        "Event<String> note");
  }

  @Test
  void anEventNameMustBeALiteralTheProcessorCanRead() {
    CompileErrorTest.assertSingleError("""
        @WsEndpoint("/chat")
        class Chat {
          static final String NAME = "note";
          static final Event<String> NOTE = Event.of(NAME);
          @WsCommand String hello() { return "hi"; }
        }
        """,
        "[SwBadEvent] event field NOTE must be initialized with Event.of(\"name\")",
        "Event<String> NOTE");
  }

  @Test
  void twoEventsOfOneNameAreAnError() {
    CompileErrorTest.assertSingleError("""
        @WsEndpoint("/chat")
        class Chat {
          static final Event<String> NOTE = Event.of("note");
          static final Event<Integer> COUNT = Event.of("note");
          @WsCommand String hello() { return "hi"; }
        }
        """,
        "[SwBadEvent] event \"note\" is already declared by NOTE",
        "Event<Integer> COUNT");
  }
}
