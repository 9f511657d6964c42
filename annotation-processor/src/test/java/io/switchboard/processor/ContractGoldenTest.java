package io.switchboard.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Guards the contract documents: a shop endpoint (a path template, events, a record, an enum, a
 * bean class, BigDecimal, Optional, maps, arrays, async replies, Javadoc) must describe itself
 * exactly as the reviewed goldens under {@code goldens/ContractGoldenTest/contract/}. On a
 * difference the actual file is left in {@code target/goldens/} to review and copy over.
 */
class ContractGoldenTest {

  private static Compilation compilation;

  @BeforeAll
  static void compile() {
    compilation = javac()
        .withProcessors(new SwitchboardProcessor())
        .withOptions("-Aswitchboard.api.title=Shop", "-Aswitchboard.api.version=1.2.0")
        .compile(input("ShopEndpoint"), input("Bid"), input("Standing"), input("Item"));
    assertThat(compilation).succeededWithoutWarnings();
  }

  private static JavaFileObject input(String name) {
    return JavaFileObjects.forResource("goldens/ContractGoldenTest/input/shop/" + name + ".java");
  }

  @ParameterizedTest
  @ValueSource(strings = {"asyncapi.json", "switchboard.d.ts"})
  void theDocumentMatchesItsGolden(String name) throws IOException {
    String actual = generated(name);
    String golden;
    try (InputStream in = ContractGoldenTest.class.getResourceAsStream("/goldens/ContractGoldenTest/contract/" + name)) {
      golden = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (!golden.equals(actual)) {
      Path review = Path.of("target", "goldens", name);
      Files.createDirectories(review.getParent());
      Files.writeString(review, actual);
    }
    assertEquals(golden, actual, name + " differs from its golden; the actual one is in target/goldens/");
  }

  private static String generated(String name) throws IOException {
    JavaFileObject file = compilation
        .generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/switchboard/" + name)
        .orElseThrow(() -> new AssertionError("no " + name + " generated"));
    return file.getCharContent(true).toString();
  }
}
