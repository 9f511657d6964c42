package io.switchboard.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.example.greeter.GreeterApp;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * When the extension starts and stops the server and closes clients: runs small test classes
 * through the JUnit engine and checks what they saw, and what is left after them.
 */
class SwitchboardExtensionLifecycleTest {

  /** What the inner test classes saw; they run only from here (see executeTests). */
  static final List<URI> seen = new CopyOnWriteArrayList<>();

  static final List<WsTestClient> clients = new CopyOnWriteArrayList<>();

  @Test
  void aStaticExtensionRunsOneServerForTheWholeClassAndStopsItAfter() {
    executeTests(OneServerPerClass.class);

    assertEquals(3, seen.size());
    assertEquals(seen.get(0), seen.get(1), "same server for the class's tests");
    assertEquals(seen.get(0), seen.get(2), "and for its @Nested class");
    assertStopped(seen.get(0));
  }

  @Test
  void anInstanceExtensionRunsAServerPerTest() {
    executeTests(OneServerPerTest.class);

    assertEquals(2, seen.size());
    assertNotEquals(seen.get(0), seen.get(1));
    seen.forEach(SwitchboardExtensionLifecycleTest::assertStopped);
  }

  @Test
  void clientsAreClosedAfterEachTest() {
    executeTests(OneServerPerClass.class);

    assertEquals(3, clients.size());
    clients.forEach(client -> assertFalse(client.isOpen(), client + " still open"));
  }

  @Test
  void theServerIsNotAvailableOutsideATest() {
    SwitchboardExtension idle = SwitchboardExtension.of(GreeterApp::server);

    assertThrows(IllegalStateException.class, idle::port);
  }

  private static void executeTests(Class<?> testClass) {
    seen.clear();
    clients.clear();
    EngineTestKit.engine("junit-jupiter")
        .configurationParameter("switchboard.lifecycle.inner", "true")
        .selectors(selectClass(testClass))
        .execute()
        .testEvents()
        .assertStatistics(stats -> stats.failed(0).aborted(0));
  }

  private static void assertStopped(URI uri) {
    assertThrows(
        UncheckedIOException.class, () -> WsTestClient.connect(uri).close(), uri + " still up");
  }

  /**
   * Runs only through {@link #executeTests}: the condition keeps surefire from running it alone.
   */
  @InnerTestsOnly
  static class OneServerPerClass {
    @RegisterExtension
    static final SwitchboardExtension app = SwitchboardExtension.of(GreeterApp::server);

    @Test
    void first() {
      record(app);
    }

    @Test
    void second() {
      record(app);
    }

    @Nested
    class Inner {
      @Test
      void third() {
        record(app);
      }
    }
  }

  @InnerTestsOnly
  static class OneServerPerTest {
    @RegisterExtension final SwitchboardExtension app = SwitchboardExtension.of(GreeterApp::server);

    @Test
    void first() {
      seen.add(app.uri("/greeter"));
    }

    @Test
    void second() {
      seen.add(app.uri("/greeter"));
    }
  }

  private static void record(SwitchboardExtension app) {
    WsTestClient client = app.client("/greeter");
    assertEquals("Hello, human", client.call("hello").asText());
    seen.add(app.uri("/greeter"));
    clients.add(client);
  }
}
