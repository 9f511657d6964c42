package io.switchboard.bench.fanout;

import com.example.bench.TickerEndpoint;
import io.switchboard.undertow.SwitchboardServer;
import java.net.URI;

/** A server of the run and its ticker endpoint, which tells when its sessions have opened. */
record TickerNode(SwitchboardServer server, TickerEndpoint endpoint) {

  static final String PATH = "/ticker";

  URI uri() {
    return URI.create("ws://127.0.0.1:" + server.port() + PATH);
  }
}
