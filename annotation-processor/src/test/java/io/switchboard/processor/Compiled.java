package io.switchboard.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;

/**
 * Compiles sources with the processor, asserts success, and loads what came out (classes and
 * META-INF/services files) through a class loader, as an application's class path would.
 */
final class Compiled implements AutoCloseable {

  private final Compilation compilation;
  private final Path directory;
  private final URLClassLoader loader;

  private Compiled(Compilation compilation, Path directory, ClassLoader parent) throws IOException {
    this.compilation = compilation;
    this.directory = directory;
    this.loader = new URLClassLoader(new java.net.URL[] {directory.toUri().toURL()}, parent);
  }

  /** Sources as {@code (qualified name, text)} pairs. */
  static Compiled compile(String... namesAndSources) {
    return compile(null, namesAndSources);
  }

  /**
   * Compiles against the classes of an earlier compilation, as a module compiles against another
   * (or tests against their main code), and loads its output next to them.
   */
  static Compiled compile(Compiled dependency, String... namesAndSources) {
    Compiler compiler = javac().withProcessors(new SwitchboardProcessor());
    if (dependency != null) {
      List<File> classpath = new ArrayList<>();
      for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
        classpath.add(new File(entry));
      }
      classpath.add(dependency.directory.toFile());
      compiler = compiler.withClasspath(classpath);
    }
    Compilation compilation = compiler.compile(sources(namesAndSources));
    assertThat(compilation).succeeded();
    try {
      Path directory = Files.createTempDirectory("switchboard-compiled");
      for (JavaFileObject file : compilation.generatedFiles()) {
        String uri = file.toUri().getPath();
        String marker = "/CLASS_OUTPUT/";
        int at = uri.indexOf(marker);
        if (at < 0) {
          continue;
        }
        Path target = directory.resolve(uri.substring(at + marker.length()));
        Files.createDirectories(target.getParent());
        try (InputStream in = file.openInputStream()) {
          Files.copy(in, target);
        } catch (java.io.FileNotFoundException e) {
          // compile-testing lists a file the processor only probed for (and found missing) as
          // generated, with no content; a real file manager creates nothing on a probe.
        }
      }
      ClassLoader parent = dependency == null ? Compiled.class.getClassLoader() : dependency.loader;
      return new Compiled(compilation, directory, parent);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JavaFileObject[] sources(String... namesAndSources) {
    JavaFileObject[] files = new JavaFileObject[namesAndSources.length / 2];
    for (int i = 0; i < files.length; i++) {
      files[i] = JavaFileObjects.forSourceString(namesAndSources[2 * i], namesAndSources[2 * i + 1]);
    }
    return files;
  }

  Compilation compilation() {
    return compilation;
  }

  ClassLoader loader() {
    return loader;
  }

  Class<?> load(String name) {
    try {
      return loader.loadClass(name);
    } catch (ClassNotFoundException e) {
      throw new AssertionError("not generated: " + name, e);
    }
  }

  String resource(String path) throws IOException {
    return Files.readString(directory.resolve(path));
  }

  @Override
  public void close() throws IOException {
    loader.close();
  }
}
