package io.switchboard.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Guards the shape of generated code, not only its behaviour: the dispatcher and a codec of a small
 * chat endpoint must stay equivalent to the reviewed goldens under {@code goldens/GoldenTest/}.
 */
class GoldenTest {

  private static Compilation compilation;

  @BeforeAll
  static void compile() {
    compilation = javac()
        .withProcessors(new SwitchboardProcessor())
        .compile(golden("input/ChatEndpoint.java"), golden("input/ChatLine.java"));
    assertThat(compilation).succeededWithoutWarnings();
  }

  private static JavaFileObject golden(String path) {
    return JavaFileObjects.forResource("goldens/GoldenTest/" + path);
  }

  @Test
  void dispatcher() {
    assertThat(compilation)
        .generatedSourceFile("chat.ChatEndpoint_Dispatcher")
        .hasSourceEquivalentTo(golden("dispatcher/ChatEndpoint_Dispatcher.java"));
  }

  @Test
  void codec() {
    assertThat(compilation)
        .generatedSourceFile("chat.ChatLine_JsonCodec")
        .hasSourceEquivalentTo(golden("codec/ChatLine_JsonCodec.java"));
  }
}
