package io.switchboard.bench.perf;

import com.example.bench.CommandEndpoint;
import com.example.bench.EchoEndpoint;
import com.example.bench.NonBlockingCommandEndpoint;
import com.example.bench.NonBlockingEchoEndpoint;
import com.example.bench.RelayEndpoint;
import io.switchboard.bench.control.ServerControl;
import io.switchboard.undertow.Switchboard;

/**
 * Switchboard as an application with the comparison's endpoints: {@code /echo}, {@code /relay},
 * {@code /cmd} (a JSON command on the default dispatch), and {@code /echo-nb} and {@code /cmd-nb}
 * (the same with {@code @NonBlocking}). Settings are the defaults but for the per-session rate limit, a
 * flood guard the baselines do not have and the load would trip.
 */
public final class SwitchboardBenchServer {

  private SwitchboardBenchServer() {}

  public static void main(String[] args) throws Exception {
    Switchboard.server()
        .host("127.0.0.1")
        .port(ServerControl.port(args))
        .rateLimit(0, 0)
        .endpoint(new EchoEndpoint())
        .endpoint(new NonBlockingEchoEndpoint())
        .endpoint(new RelayEndpoint())
        .endpoint(new CommandEndpoint())
        .endpoint(new NonBlockingCommandEndpoint())
        .start();
    ServerControl.serveUntilStdinCloses();
  }
}
