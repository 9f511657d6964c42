package io.switchboard.bench.perf;

/**
 * One column of the comparison: a server process and the paths it answers the workloads on. The
 * two Switchboard columns are one process: {@code /echo} and {@code /cmd} on the default dispatch,
 * {@code /echo-nb} and {@code /cmd-nb} with {@code @NonBlocking}.
 */
enum Column {
  RAW_UNDERTOW("raw Undertow", BenchServer.RAW_UNDERTOW, "/echo", null, "/relay"),
  JSR_356("JSR-356 + databind", BenchServer.JSR_356, "/echo", "/cmd", null),
  SWITCHBOARD("Switchboard", BenchServer.SWITCHBOARD, "/echo", "/cmd", "/relay"),
  NON_BLOCKING("Switchboard @NonBlocking", BenchServer.SWITCHBOARD, "/echo-nb", "/cmd-nb", null);

  final String title;
  final BenchServer server;
  final String echoPath;
  final String commandPath;
  final String relayPath;

  Column(String title, BenchServer server, String echoPath, String commandPath, String relayPath) {
    this.title = title;
    this.server = server;
    this.echoPath = echoPath;
    this.commandPath = commandPath;
    this.relayPath = relayPath;
  }

  /** The path of a workload's kind, or null where this column has none. */
  String path(Workload.Kind kind) {
    return kind == Workload.Kind.ECHO ? echoPath : commandPath;
  }

  /** The request of in-flight slot {@code slot} and the reply it must get. */
  String commandRequest(int slot) {
    String args = Workload.commandArgs(slot);
    return this == JSR_356
        ? "{\"cmd\":\"echo\",\"id\":" + slot + ",\"args\":" + args + "}"
        : "{\"cmd\":\"echo\",\"id\":" + slot + ",\"data\":" + args + "}";
  }

  String commandReply(int slot) {
    String args = Workload.commandArgs(slot);
    return this == JSR_356
        ? "{\"id\":" + slot + ",\"result\":" + args + "}"
        : "{\"re\":" + slot + ",\"cmd\":\"echo\",\"data\":" + args + "}";
  }
}
