package io.switchboard.bench.perf;

/**
 * The comparison's server processes, each a main class with the port as its argument and {@link
 * io.switchboard.bench.control.ServerControl} on stdin. The JSR-356 baseline runs from a jar of its
 * own ({@code bench-jsr356}), on the Undertow version its JSR-356 module needs; the others from the
 * bench's class path.
 */
enum BenchServer {
  RAW_UNDERTOW(RawUndertowServer.class.getName()),
  JSR_356("io.switchboard.bench.jsr356.Jsr356Server"), // runs from its own jar
  SWITCHBOARD(SwitchboardBenchServer.class.getName());

  final String mainClass;

  BenchServer(String mainClass) {
    this.mainClass = mainClass;
  }

  /** What it runs from: the JSR-356 baseline's jar, or this JVM's own class path. */
  String classPath(PerfOptions options) {
    return this == JSR_356 ? options.jsrJar().toString() : System.getProperty("java.class.path");
  }

  /** Its main class's simple name, for file names. */
  String simpleName() {
    return mainClass.substring(mainClass.lastIndexOf('.') + 1);
  }
}
