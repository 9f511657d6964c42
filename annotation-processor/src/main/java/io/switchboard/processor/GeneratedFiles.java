package io.switchboard.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes what the processor generates through the {@link Filer}: Java sources in the project's
 * layout, the {@code META-INF/services} files that list them for the runtime, and the contract's
 * documents. A file that
 * cannot be written is a compile error naming it, never a compiler crash.
 */
final class GeneratedFiles {

  private static final String DISPATCHER_SERVICE = "META-INF/services/io.switchboard.spi.EndpointDispatcher";
  private static final String PROVIDER_SERVICE = "META-INF/services/io.switchboard.json.CodecProvider";

  /** The contract documents, in the class output beside the classes they describe. */
  static final String ASYNCAPI = "META-INF/switchboard/asyncapi.json";
  static final String TYPESCRIPT = "META-INF/switchboard/switchboard.d.ts";

  private final Filer filer;
  private final Messager messager;

  GeneratedFiles(ProcessingEnvironment env) {
    this.filer = env.getFiler();
    this.messager = env.getMessager();
  }

  /**
   * Writes a generated class; its origins are the types it was made from, so that an incremental
   * build regenerates it when one of them changes.
   *
   * @return whether the file was written
   */
  boolean writeSource(ClassName name, TypeSpec spec, TypeElement... origins) {
    TypeSpec.Builder withOrigins = spec.toBuilder();
    for (TypeElement origin : origins) {
      if (origin != null) {
        withOrigins.addOriginatingElement(origin);
      }
    }
    JavaFile file = JavaFile.builder(name.packageName(), withOrigins.build())
        .skipJavaLangImports(true)
        .indent("  ")
        .build();
    try {
      file.writeTo(filer);
      return true;
    } catch (IOException e) {
      reportFailure(name.canonicalName(), e);
      return false;
    }
  }

  /** Lists the dispatchers and codec providers for {@code ServiceLoader}; an empty list writes no file. */
  void writeServiceFiles(Set<String> dispatchers, Set<String> providers) {
    writeServiceFile(DISPATCHER_SERVICE, dispatchers);
    writeServiceFile(PROVIDER_SERVICE, providers);
  }

  private void writeServiceFile(String path, Set<String> implementations) {
    if (implementations.isEmpty()) {
      return;
    }
    try {
      FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", path);
      try (Writer out = new OutputStreamWriter(file.openOutputStream(), StandardCharsets.UTF_8)) {
        for (String implementation : implementations) {
          out.write(implementation);
          out.write('\n');
        }
      }
    } catch (IOException e) {
      reportFailure(path, e);
    }
  }

  /** Writes a resource into the class output. */
  void writeResource(String path, String text) {
    try {
      FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", path);
      try (Writer out = new OutputStreamWriter(file.openOutputStream(), StandardCharsets.UTF_8)) {
        out.write(text);
      }
    } catch (IOException e) {
      reportFailure(path, e);
    }
  }

  /** Whether the class is in this compilation's own output directory, left there by an earlier build. */
  boolean isOwnOutput(ClassName name) {
    try {
      FileObject file = filer.getResource(StandardLocation.CLASS_OUTPUT, name.packageName(), name.simpleName() + ".class");
      try (InputStream in = file.openInputStream()) {
        return true;
      }
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }

  private void reportFailure(String file, IOException e) {
    messager.printMessage(Diagnostic.Kind.ERROR,
        ErrorKey.SwProcessorFailure.format("cannot write %s: %s", file, e.getMessage()));
  }
}
