package io.switchboard.bench.fanout;

import com.example.bench.Tick;
import io.switchboard.undertow.SwitchboardServer;

/**
 * Switchboard's broadcast: {@code Broadcaster.toAll} encodes the push once with the generated
 * codec and queues the same bytes for every session. Its encodings are read from the server's
 * own counter ({@code stats().broadcasts()}, one per encoded push), not assumed.
 */
final class EncodeOnce implements PushMode {

  static final String NAME = "encode once";

  private final SwitchboardServer server;
  private final String path;

  EncodeOnce(SwitchboardServer server, String path) {
    this.server = server;
    this.path = path;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void push(Tick tick) {
    server.broadcaster(path).toAll("tick", tick);
  }

  @Override
  public long encodes() {
    return server.stats().broadcasts();
  }
}
