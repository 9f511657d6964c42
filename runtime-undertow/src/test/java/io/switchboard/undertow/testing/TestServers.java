package io.switchboard.undertow.testing;

import io.switchboard.undertow.ServerBuilder;
import io.switchboard.undertow.Switchboard;

/** Servers for tests: loopback, a free port, no shutdown hook, the test endpoint at /test. */
public final class TestServers {

  private TestServers() {}

  /** A builder serving {@code endpoint} through {@code dispatcher}, not yet started. */
  public static ServerBuilder builder(TestDispatcher dispatcher, TestEndpoint endpoint) {
    return Switchboard.server()
        .port(0)
        .host("127.0.0.1")
        .shutdownHook(false)
        .endpoint(dispatcher, endpoint);
  }

  public static ServerBuilder builder(TestEndpoint endpoint) {
    return builder(new TestDispatcher(), endpoint);
  }
}
