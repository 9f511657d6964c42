package io.switchboard.bench.perf;

import java.util.ArrayList;
import java.util.List;

/**
 * A request-reply scenario: {@code connections} connections, each with {@code inFlight}
 * messages outstanding.
 *
 * @param echoBytes the size of an echo message; unused by commands
 */
record Workload(String title, Kind kind, int connections, int inFlight, int echoBytes) {

  enum Kind {
    ECHO,
    COMMAND
  }

  static final Workload ECHO = new Workload("echo 50 × 16, 32 B", Kind.ECHO, 50, 16, 32);
  static final Workload ECHO_ONE = new Workload("echo 1 × 1, 32 B", Kind.ECHO, 1, 1, 32);
  static final Workload ECHO_4K = new Workload("echo 50 × 16, 4 KiB", Kind.ECHO, 50, 16, 4096);
  static final Workload COMMAND = new Workload("JSON command 50 × 16", Kind.COMMAND, 50, 16, 0);
  static final Workload COMMAND_ONE = new Workload("JSON command 1 × 1", Kind.COMMAND, 1, 1, 0);

  static final List<Workload> ALL = List.of(ECHO, ECHO_ONE, ECHO_4K, COMMAND, COMMAND_ONE);

  /** The {@code echo} command's arguments of one slot, as every server writes them back. */
  static String commandArgs(int slot) {
    return "{\"user\":\"ada\",\"seq\":" + slot + ",\"urgent\":false,\"tags\":[\"red\",\"blue\"]}";
  }

  /** The traffic against {@code column}: pre-encoded requests and their expected replies. */
  RequestReply traffic(Column column) {
    List<String> requests = new ArrayList<>();
    List<String> replies = new ArrayList<>();
    for (int slot = 0; slot < inFlight; slot++) {
      if (kind == Kind.ECHO) {
        String message = echoMessage(slot);
        requests.add(message);
        replies.add(message);
      } else {
        requests.add(column.commandRequest(slot));
        replies.add(column.commandReply(slot));
      }
    }
    return new RequestReply(requests, replies);
  }

  /** {@code echoBytes} of ASCII, different in every slot. */
  private String echoMessage(int slot) {
    StringBuilder message = new StringBuilder("echo " + slot + " ");
    while (message.length() < echoBytes) {
      message.append((char) ('a' + message.length() % 26));
    }
    return message.substring(0, echoBytes);
  }
}
