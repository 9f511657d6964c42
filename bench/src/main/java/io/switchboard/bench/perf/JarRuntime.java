package io.switchboard.bench.perf;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * The Java runtime of docs/deployment.md's fastest start: a JDK 25 cut down by {@code jlink} to the
 * modules the jar needs. They are the modules {@code jdeps} finds the jar's classes using, with
 * {@code java.management} in place of {@code jdk.management}: only Micrometer's JVM binders, which
 * Switchboard does not register, use the latter. Without it (and {@code jdk.management.jfr}, which
 * needs it) the JVM has no {@code com.sun.management} MBeans (diagnostic commands, HotSpot
 * diagnostics, the extended operating-system MBean) and no Flight Recorder MBean to make when XNIO
 * asks for the platform MBean server at every start.
 */
final class JarRuntime {

  private JarRuntime() {}

  /** Links the runtime for {@code jar} from the JDK at {@code jdk} into {@code output}. */
  static Path link(Path jdk, Path jar, Path output) throws IOException, InterruptedException {
    String modules = String.join(",", modules(jdk, jar));
    run(List.of(tool(jdk, "jlink"), "--add-modules", modules, "--no-header-files", "--no-man-pages",
        "--output", output.toString()));
    return output;
  }

  /** The modules of the runtime, sorted. */
  static List<String> modules(Path jdk, Path jar) throws IOException, InterruptedException {
    String printed =
        run(List.of(tool(jdk, "jdeps"), "--ignore-missing-deps", "--print-module-deps",
            "--multi-release", Integer.toString(AotJdk.featureVersion(jdk)), jar.toString()));
    String[] lines = printed.strip().split("\n");
    TreeSet<String> modules = new TreeSet<>(Arrays.asList(lines[lines.length - 1].strip().split(",")));
    if (modules.remove("jdk.management")) {
      modules.add("java.management");
    }
    return new ArrayList<>(modules);
  }

  private static String tool(Path jdk, String name) {
    return jdk.resolve("bin").resolve(name).toString();
  }

  private static String run(List<String> command) throws IOException, InterruptedException {
    return BoundedCommand.output(command, Duration.ofMinutes(2));
  }
}
