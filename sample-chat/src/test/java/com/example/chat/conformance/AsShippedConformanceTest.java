package com.example.chat.conformance;

import io.switchboard.undertow.SwitchboardServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Conformance cases against the sample as it ships: one server per test class, default settings. */
abstract class AsShippedConformanceTest extends ConformanceTestBase {

  private static SwitchboardServer server;

  @BeforeAll
  static void start() {
    server = SampleServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Override
  int port() {
    return server.port();
  }
}
