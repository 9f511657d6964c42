package io.switchboard.bench.perf;

import java.util.List;

/**
 * The comparison's server processes, each a main class with the port as its argument and {@link
 * io.switchboard.bench.control.ServerControl} on stdin. The JSR-356 baseline runs from a jar of its
 * own ({@code bench-jsr356}), on the Undertow version its JSR-356 module needs; the others from the
 * bench's class path.
 */
enum BenchServer {
  RAW_UNDERTOW(RawUndertowServer.class.getName(), true),
  JSR_356("io.switchboard.bench.jsr356.Jsr356Server", false),
  SWITCHBOARD(SwitchboardBenchServer.class.getName(), true);

  final String mainClass;
  private final boolean onBenchClassPath;

  BenchServer(String mainClass, boolean onBenchClassPath) {
    this.mainClass = mainClass;
    this.onBenchClassPath = onBenchClassPath;
  }

  /** What it runs from: this JVM's own class path, or the JSR-356 baseline's jar. */
  String classPath(PerfOptions options) {
    return onBenchClassPath ? System.getProperty("java.class.path") : options.jsrJar().toString();
  }

  /**
   * Warnings only: one log line per connection is Switchboard's default, and 10,000 of them would
   * skew the run. The servers of the bench's class path log through SLF4J, and the bench jar holds
   * more compiled endpoints than the bench server registers, which Switchboard warns about at
   * every start. The JSR-356 baseline's jar has no SLF4J: it turns its own logging down.
   */
  List<String> loggingOptions() {
    return onBenchClassPath
        ? List.of(
            "-Dorg.jboss.logging.provider=slf4j",
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
            "-Dorg.slf4j.simpleLogger.log.io.switchboard.undertow.EndpointRegistration=error")
        : List.of();
  }

  /** Its main class's simple name, for file names. */
  String simpleName() {
    return mainClass.substring(mainClass.lastIndexOf('.') + 1);
  }
}
