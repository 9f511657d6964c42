package io.switchboard;

import java.util.List;

/**
 * What an endpoint is: its path and its commands, from the generated dispatch table. Injectable
 * into handlers, e.g. for a {@code help} command that can never fall out of date.
 */
public interface EndpointInfo {

  /** The endpoint's path. */
  String path();

  /** The commands, in the order the endpoint class declares them. */
  List<CommandInfo> commands();
}
