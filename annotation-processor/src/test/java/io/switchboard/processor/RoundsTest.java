package io.switchboard.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.switchboard.json.CodecRegistry;
import io.switchboard.json.Json;
import io.switchboard.spi.EndpointDispatcher;
import java.io.IOException;
import java.io.Writer;
import java.util.ServiceLoader;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** How the processor behaves across rounds, next to other processors. */
class RoundsTest {

  private static final JavaFileObject ENDPOINT = JavaFileObjects.forSourceString("app.Greeter", """
      package app;

      import io.switchboard.*;

      @WsEndpoint("/greet")
      public class Greeter {
        @WsCommand
        Greeting greet(Greeting greeting) {
          return greeting;
        }
      }
      """);

  /** Generates the record {@code app.Greeting} in the first round, as e.g. Immutables would. */
  static final class GreetingGenerator extends AbstractProcessor {
    private boolean done;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (!done) {
        done = true;
        try (Writer out = processingEnv.getFiler().createSourceFile("app.Greeting").openWriter()) {
          out.write("package app;\npublic record Greeting(String text) {}\n");
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      }
      return false;
    }
  }

  @Test
  void applicationTypesUnderTheFrameworksNamespaceAreOrdinaryPayloads() {
    JavaFileObject endpoint = JavaFileObjects.forSourceString("io.switchboard.demo.Greeter", """
        package io.switchboard.demo;

        import io.switchboard.*;

        @WsEndpoint("/greet")
        public class Greeter {
          public record Greeting(String text) {}

          @WsCommand
          Greeting greet(Greeting greeting, WsSession session) {
            return greeting;
          }
        }
        """);
    Compilation compilation = javac().withProcessors(new SwitchboardProcessor()).compile(endpoint);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("io.switchboard.demo.Greeter_Dispatcher").contentsAsUtf8String()
        .contains("endpoint.greet(payload.read(Greeter_Greeting_JsonCodec.INSTANCE),");
  }

  @Test
  void anEndpointWaitsForPayloadTypesThatAnotherProcessorGenerates() {
    Compilation compilation = javac()
        .withProcessors(new SwitchboardProcessor(), new GreetingGenerator())
        .compile(ENDPOINT);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("app.Greeter_Dispatcher").contentsAsUtf8String()
        .contains("endpoint.greet(payload.read(Greeting_JsonCodec.INSTANCE))");
    assertThat(compilation).generatedSourceFile("app.Greeting_JsonCodec");
    assertThat(compilation).generatedSourceFile("app.Switchboard_Codecs");
  }

  @Test
  void testsDeclaringMessagesInTheMainCodesPackageGetTheirOwnProvider() throws Exception {
    try (Compiled main = Compiled.compile("app.Temperature", """
            package app;
            @io.switchboard.WsMessage
            public record Temperature(double celsius) {}
            """);
        Compiled tests = Compiled.compile(main, "app.Humidity", """
            package app;
            @io.switchboard.WsMessage
            public record Humidity(double percent, Temperature at) {}
            """)) {
      assertThat(tests.compilation()).generatedSourceFile("app.Switchboard_Codecs2");
      assertEquals("app.Switchboard_Codecs2\n", tests.resource("META-INF/services/io.switchboard.json.CodecProvider"));
      CodecRegistry registry = CodecRegistry.load(tests.loader());
      Object humidity = tests.load("app.Humidity")
          .getConstructor(double.class, tests.load("app.Temperature"))
          .newInstance(55.0, tests.load("app.Temperature").getConstructor(double.class).newInstance(21.5));
      assertEquals("{\"percent\":55.0,\"at\":{\"celsius\":21.5}}", Json.writeString(registry.forValue(humidity), humidity));
    }
  }

  @Test
  void endpointsAndMessagesInTheUnnamedPackageWork() throws Exception {
    try (Compiled compiled = Compiled.compile("Plain", """
        import io.switchboard.*;

        @WsEndpoint("/plain")
        public class Plain {
          public record Ping(int n) {}

          @WsCommand
          Ping ping(Ping ping) {
            return new Ping(ping.n() + 1);
          }
        }
        """)) {
      assertEquals("Plain_Dispatcher\n", compiled.resource("META-INF/services/io.switchboard.spi.EndpointDispatcher"));
      assertEquals("Switchboard_Codecs\n", compiled.resource("META-INF/services/io.switchboard.json.CodecProvider"));
      EndpointDispatcher<?> dispatcher = ServiceLoader.load(EndpointDispatcher.class, compiled.loader()).findFirst().orElseThrow();
      assertEquals("/plain", dispatcher.path());
      assertNotNull(CodecRegistry.load(compiled.loader()).find(compiled.load("Plain$Ping")));
    }
  }

  @Test
  void aTypeThatNeverComesIsLeftToJavacToReport() {
    Compilation compilation = javac().withProcessors(new SwitchboardProcessor()).compile(ENDPOINT);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("cannot find symbol").inFile(ENDPOINT).onLineContaining("Greeting greet(");
    assertThat(compilation).hadErrorCount(2); // the return type and the parameter, nothing from the processor
  }
}
