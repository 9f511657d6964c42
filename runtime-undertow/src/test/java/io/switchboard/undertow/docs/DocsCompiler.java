package io.switchboard.undertow.docs;

import java.io.File;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Compiles example sources with javac and the real annotation processor (found on the test class
 * path, as Maven users wire it), and loads the result the way an application's class path would:
 * the runtime's own classes and dependencies plus the compiled examples, without this module's
 * test classes, so the examples' endpoints are the only ones ServiceLoader discovers.
 */
final class DocsCompiler {

  private DocsCompiler() {}

  /** Sources as qualified class name to text; the output goes to {@code directory}. */
  static URLClassLoader compile(Path directory, Map<String, String> sources) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<JavaFileObject> files = new ArrayList<>();
    sources.forEach((name, text) -> files.add(new Source(name, text)));
    StringWriter diagnostics = new StringWriter();
    boolean compiled =
        javac
            .getTask(
                diagnostics,
                null,
                null,
                List.of("-d", directory.toString(), "-classpath", System.getProperty("java.class.path"),
                    "-Xlint:none"),
                null,
                files)
            .call();
    if (!compiled) {
      throw new AssertionError("the docs' examples do not compile:\n" + diagnostics + "\n" + sources);
    }
    return new URLClassLoader(applicationClassPath(directory), ClassLoader.getPlatformClassLoader());
  }

  /** The class path a packaged app would have: main classes and jars, and the given directory. */
  static String applicationClassPathString(Path directory) {
    List<String> entries = new ArrayList<>();
    for (URL url : applicationClassPath(directory)) {
      entries.add(Path.of(URI.create(url.toString())).toString());
    }
    return String.join(File.pathSeparator, entries);
  }

  private static URL[] applicationClassPath(Path directory) {
    List<URL> urls = new ArrayList<>();
    try {
      urls.add(directory.toUri().toURL());
      for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
        if (!entry.endsWith("test-classes") && Files.exists(Path.of(entry))) {
          urls.add(Path.of(entry).toUri().toURL());
        }
      }
    } catch (MalformedURLException e) {
      throw new UncheckedIOException(e);
    }
    return urls.toArray(URL[]::new);
  }

  private static final class Source extends SimpleJavaFileObject {
    private final String text;

    Source(String name, String text) {
      super(URI.create("string:///" + name.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
      this.text = text;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return text;
    }
  }
}
