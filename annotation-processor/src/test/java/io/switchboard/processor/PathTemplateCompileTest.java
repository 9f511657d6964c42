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
 * URI templates at compile time: {@code @PathParam} on every kind of handler, and each mistake a
 * keyed error on the element at fault.
 */
class PathTemplateCompileTest {

  private static JavaFileObject source(String name, String body) {
    return JavaFileObjects.forSourceString(
        "app." + name, "package app;\n\nimport io.switchboard.*;\nimport java.math.*;\nimport java.nio.*;\nimport java.util.*;\n\n" + body);
  }

  private static Compilation compile(JavaFileObject... sources) {
    return javac().withProcessors(new SwitchboardProcessor()).compile(sources);
  }

  private static void assertSingleError(String body, String message, String line) {
    JavaFileObject file = source("Items", body);
    Compilation compilation = compile(file);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(message).inFile(file).onLineContaining(line);
  }

  @Test
  void everyKindOfHandlerTakesPathParamsOfEveryTextReadableType() {
    Compilation compilation = compile(source("Items", """
        @WsEndpoint("/shops/{shop}/items/{item}/{lot}")
        class Items {
          enum Shop { NORTH, SOUTH }
          @OnOpen void opened(@PathParam("item") String item, WsSession session, @PathParam("shop") Shop shop) {}
          @WsCommand("bid") BigDecimal bid(BigDecimal amount, @PathParam("lot") int lot) { return amount; }
          @WsCommand("lot") long lot(@PathParam("lot") Long lot) { return lot; }
          @OnClose void closed(CloseReason reason, @PathParam("item") String item) {}
          @OnError void failed(Throwable error, @PathParam("lot") UUID lot) {}
          @OnBinary void binary(byte[] data, @PathParam("lot") BigInteger lot) {}
        }
        """));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation)
        .generatedSourceFile("app.Items_Dispatcher")
        .contentsAsUtf8String()
        .contains("PathParams.check(values, \"shop\", Items_Shop_JsonCodec.INSTANCE)");
  }

  @Test
  void aPathParamOnAMethodThatIsNoHandlerIsAnError() {
    assertSingleError("""
        @WsEndpoint("/items/{item}")
        class Items {
          @WsCommand String hello() { return "hi"; }
          String helper(@PathParam("item") String item) { return item; }
        }
        """,
        "[SwPathParamPlacement] @PathParam item of helper() has no effect: helper() is no handler, so nothing passes it a path parameter",
        "String helper(");
  }

  @Test
  void anUnknownNameIsAnErrorListingTheTemplatesNames() {
    assertSingleError("""
        @WsEndpoint("/items/{item}")
        class Items {
          @WsCommand String hello(@PathParam("id") String id) { return id; }
        }
        """,
        "[SwUnknownPathParam] @PathParam(\"id\") of hello() names no parameter of the endpoint path \"/items/{item}\"; its parameters are {item}",
        "String hello(");
  }

  @Test
  void aPathParamOnALiteralPathSaysHowToDeclareIt() {
    assertSingleError("""
        @WsEndpoint("/items")
        class Items {
          @OnOpen void opened(@PathParam("item") String item) {}
        }
        """,
        "[SwUnknownPathParam] @PathParam(\"item\") of opened() names no parameter of the endpoint path \"/items\", which has none:"
            + " declare it as a segment, e.g. @WsEndpoint(\"/items/{item}\")",
        "void opened(");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "/items/{item | segment \"{item\" is neither literal text nor one whole {name} parameter",
      "/items/x{item} | segment \"x{item}\" is neither literal text nor one whole {name} parameter",
      "/items/{1st} | segment \"{1st}\" is neither literal text nor one whole {name} parameter",
      "/items/{} | segment \"{}\" is neither literal text nor one whole {name} parameter",
      "/a/{x}/b/{x} | parameter {x} appears twice"})
  void aMalformedTemplateIsAnErrorOnThePath(String path, String problem) {
    assertSingleError("""
        @WsEndpoint("%s")
        class Items {
          @WsCommand String hello() { return "hi"; }
        }
        """.formatted(path),
        "[SwBadPathTemplate] endpoint path \"" + path + "\": " + problem,
        "@WsEndpoint");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "/items/{item} | /items/{id} | /items/item",
      "/a/{x}/c | /a/b/{y} | /a/b/c"})
  void overlappingTemplatesAreAnErrorOnTheSecondEndpoint(String first, String second, String both) {
    JavaFileObject a = source("Alpha", "@WsEndpoint(\"" + first + "\") class Alpha { @WsCommand String hi() { return \"\"; } }\n");
    JavaFileObject b = source("Beta", "@WsEndpoint(\"" + second + "\") class Beta { @WsCommand String hi() { return \"\"; } }\n");
    Compilation compilation = compile(a, b);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[SwOverlappingPaths] endpoint path \"" + second + "\" overlaps \"" + first + "\" of app.Alpha: both would match " + both)
        .inFile(b)
        .onLineContaining("@WsEndpoint");
  }

  @Test
  void aLiteralPathNextToATemplateThatMatchesItIsFine() {
    JavaFileObject template = source("Alpha", "@WsEndpoint(\"/items/{item}\") class Alpha { @WsCommand String hi() { return \"\"; } }\n");
    JavaFileObject literal = source("Beta", "@WsEndpoint(\"/items/new\") class Beta { @WsCommand String hi() { return \"\"; } }\n");
    JavaFileObject longer = source("Gamma", "@WsEndpoint(\"/items/{item}/bids\") class Gamma { @WsCommand String hi() { return \"\"; } }\n");

    assertThat(compile(template, literal, longer)).succeededWithoutWarnings();
  }

  @Test
  void aTypeThatAPathSegmentDoesNotConvertToIsAnError() {
    assertSingleError("""
        @WsEndpoint("/items/{item}")
        class Items {
          record Item(String name, int count) {}
          @WsCommand String hello(@PathParam("item") Item item) { return ""; }
        }
        """,
        "[SwBadParameter] @PathParam item of hello() is Item, which a path segment does not convert to: use String,"
            + " a primitive or its box, BigDecimal, BigInteger, an enum, UUID or a java.time type",
        "String hello(");
  }

  @Test
  void anEveryMethodCannotTakeAPathParam() {
    assertSingleError("""
        @WsEndpoint("/items/{item}")
        class Items {
          @Every("1s") void tick(@PathParam("item") String item) {}
        }
        """,
        "[SwBadParameter] @Every method tick() cannot take @PathParam item: it runs once for the whole endpoint, not for one connection's path",
        "void tick(");
  }

  @Test
  void aPathParamIsNotTheCommandsPayload() {
    Compilation compilation = compile(source("Items", """
        @WsEndpoint("/items/{item}")
        class Items {
          @WsCommand String rename(String name, @PathParam("item") String item) { return item + "=" + name; }
        }
        """));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation)
        .generatedSourceFile("app.Items_Dispatcher")
        .contentsAsUtf8String()
        .containsMatch("endpoint\\.rename\\(payload\\.text\\(\\),\\s+PathParams\\.text\\(context, \"item\"\\)\\)");
  }
}
