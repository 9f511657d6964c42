package io.switchboard.undertow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.testchat.ChatEndpoint;
import com.example.testchat.EchoEndpoint;
import io.switchboard.spi.EndpointDispatcher;
import io.switchboard.undertow.testing.RawWebSocket;
import io.switchboard.undertow.testing.WsClient;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Which endpoints a server serves: discovered ones, or exactly the registered ones. */
class RegistrationTest {

  static ServerBuilder server() {
    return Switchboard.server().port(0).host("127.0.0.1").shutdownHook(false);
  }

  @Test
  void withoutRegistrationEveryGeneratedEndpointIsServed() throws Exception {
    try (SwitchboardServer server = server().start();
        WsClient chat = WsClient.connect(server.port(), "/chat");
        WsClient echo = WsClient.connect(server.port(), "/echo")) {
      chat.send("hello");
      assertEquals("Hello, human", chat.next());
      echo.send("hello");
      assertEquals("hello", echo.next());
    }
  }

  @Test
  void aFactoryMakesTheEndpointOnceAndOnlyRegisteredEndpointsAreServed() throws Exception {
    AtomicInteger made = new AtomicInteger();
    try (SwitchboardServer server =
            server()
                .endpoint(ChatEndpoint.class, () -> {
                  made.incrementAndGet();
                  return new ChatEndpoint();
                })
                .start();
        WsClient first = WsClient.connect(server.port(), "/chat");
        WsClient second = WsClient.connect(server.port(), "/chat");
        RawWebSocket echo = RawWebSocket.upgrade(server.port(), "/echo")) {
      first.send("hello");
      assertEquals("Hello, human", BroadcastTest.skipEvents(first));
      second.send("hello");
      assertEquals("Hello, human", BroadcastTest.skipEvents(second));
      assertEquals(1, made.get());
      assertEquals(404, echo.status());
    }
  }

  @Test
  void compiledEndpointsLeftOutByExplicitRegistrationAreNamedWithTheFix() {
    ClassLoader loader = RegistrationTest.class.getClassLoader();
    List<EndpointRegistration<?>> registrations = List.of(EndpointRegistration.ofInstance(new ChatEndpoint()));

    List<EndpointDispatcher<?>> unserved =
        EndpointRegistration.unserved(registrations, EndpointRegistration.resolve(registrations, loader), loader);

    assertTrue(unserved.stream().anyMatch(d -> d.endpointType() == EchoEndpoint.class), unserved.toString());
    assertTrue(unserved.stream().noneMatch(d -> d.endpointType() == ChatEndpoint.class), unserved.toString());
    String warning = EndpointRegistration.unservedWarning(unserved);
    assertTrue(warning.startsWith("not serving compiled endpoints "), warning);
    assertTrue(warning.contains("/echo (com.example.testchat.EchoEndpoint)"), warning);
    assertTrue(warning.contains("register them too (.endpoint(new "), warning);
    assertTrue(warning.endsWith("or register none to serve every compiled endpoint"), warning);
  }

  @Test
  void withoutRegistrationNothingIsLeftOut() {
    ClassLoader loader = RegistrationTest.class.getClassLoader();

    assertEquals(List.of(), EndpointRegistration.unserved(List.of(), EndpointRegistration.resolve(List.of(), loader), loader));
  }

  @Test
  void twoEndpointsOnOnePathAreRefused() {
    IllegalStateException error =
        assertThrows(
            IllegalStateException.class,
            () -> server().endpoint(new EchoEndpoint()).endpoint(new EchoEndpoint()).start());
    assertTrue(error.getMessage().contains("two endpoints at /echo"), error.getMessage());
  }

  @Test
  void aTakenPortIsAClearError() throws Exception {
    try (SwitchboardServer first = server().endpoint(new EchoEndpoint()).start()) {
      IllegalStateException error =
          assertThrows(
              IllegalStateException.class,
              () -> server().port(first.port()).endpoint(new EchoEndpoint()).start());
      assertTrue(error.getMessage().contains("cannot listen on 127.0.0.1:" + first.port()), error.getMessage());
    }
  }
}
