package io.switchboard.undertow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.undertow.testing.TestEndpoint;
import io.switchboard.undertow.testing.TestServers;
import io.switchboard.undertow.testing.WsClient;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Both message forms of docs/protocol.md, their replies and every error reply. */
class MessageFormsTest {

  static final TestEndpoint endpoint = new TestEndpoint();
  static SwitchboardServer server;

  @BeforeAll
  static void start() {
    server = TestServers.builder(endpoint).start();
  }

  @AfterAll
  static void stop() {
    server.stop(Duration.ofSeconds(2));
  }

  WsClient client() throws Exception {
    return WsClient.connect(server.port(), "/test");
  }

  @Test
  void jsonRequestGetsReplyWithIdAndCommand() throws Exception {
    try (WsClient c = client()) {
      c.send("{\"cmd\":\"hello\",\"id\":7}");
      assertEquals("{\"re\":7,\"cmd\":\"hello\",\"data\":\"Hello, human\"}", c.next());
      c.send("{\"data\":{\"b\":2,\"a\":40},\"cmd\":\"add\",\"id\":\"x-1\"}");
      assertEquals("{\"re\":\"x-1\",\"cmd\":\"add\",\"data\":42}", c.next());
      c.send("{\"cmd\":\"swap\",\"data\":{\"a\":1,\"b\":2}}");
      assertEquals("{\"cmd\":\"swap\",\"data\":{\"a\":2,\"b\":1}}", c.next());
    }
  }

  @Test
  void textLineSendsStringsAsIsAndOtherValuesAsJson() throws Exception {
    try (WsClient c = client()) {
      c.send("hello");
      assertEquals("Hello, human", c.next());
      c.send("name   Tony Stark  ");
      assertEquals("Hi Tony Stark", c.next());
      c.send("echoInt 12");
      assertEquals("12", c.next());
      c.send("add {\"a\":1,\"b\":2}");
      assertEquals("3", c.next());
    }
  }

  @Test
  void voidHandlerAcksOnlyJsonRequestsWithAnId() throws Exception {
    try (WsClient c = client()) {
      c.send("{\"cmd\":\"touch\",\"id\":3}");
      assertEquals("{\"re\":3,\"cmd\":\"touch\"}", c.next());
      c.send("{\"cmd\":\"touch\"}");
      c.send("touch");
      c.send("hello"); // the next reply is this one: the two above answered nothing
      assertEquals("Hello, human", c.next());
    }
  }

  @Test
  void unknownCommandRepliesWithErrorSuggestingHelpAndKeepsSession() throws Exception {
    try (WsClient c = client()) {
      c.send("{\"cmd\":\"dance\",\"id\":1}");
      assertEquals(
          "{\"re\":1,\"cmd\":\"dance\",\"error\":{\"code\":\"unknown_command\",\"message\":"
              + "\"unknown command \\\"dance\\\"; send \\\"help\\\" for the list of commands\"}}",
          c.next());
      c.send("dance now");
      assertEquals(
          "{\"cmd\":\"dance\",\"error\":{\"code\":\"unknown_command\",\"message\":"
              + "\"unknown command \\\"dance\\\"; send \\\"help\\\" for the list of commands\"}}",
          c.next());
      c.send("help");
      String help = c.next();
      assertTrue(help.startsWith("commands: hello, name <String>, add <Pair>"), help);
      assertTrue(help.endsWith(", help"), help);
    }
  }

  @Test
  void wrongTypeIsBadRequestWithJsonPath() throws Exception {
    try (WsClient c = client()) {
      c.send("{\"cmd\":\"add\",\"id\":2,\"data\":{\"a\":\"one\",\"b\":2}}");
      assertEquals(
          "{\"re\":2,\"cmd\":\"add\",\"error\":{\"code\":\"bad_request\",\"message\":"
              + "\"$.a: expected an integer, got a string\",\"path\":\"$.a\"}}",
          c.next());
      c.send("{\"cmd\":\"add\",\"id\":3,\"data\":{\"a\":1}}");
      assertEquals(
          "{\"re\":3,\"cmd\":\"add\",\"error\":{\"code\":\"bad_request\",\"message\":"
              + "\"$.b: required field is missing\",\"path\":\"$.b\"}}",
          c.next());
      c.send("{\"cmd\":\"add\",\"id\":4}");
      assertEquals(
          "{\"re\":4,\"cmd\":\"add\",\"error\":{\"code\":\"bad_request\",\"message\":"
              + "\"$: data is required\",\"path\":\"$\"}}",
          c.next());
      c.send("echoInt twelve");
      assertEquals(
          "{\"cmd\":\"echoInt\",\"error\":{\"code\":\"bad_request\",\"message\":"
              + "\"$: expected an integer, got \\\"twelve\\\"\",\"path\":\"$\"}}",
          c.next());
    }
  }

  @Test
  void brokenJsonIsBadRequestAndTheSessionGoesOn() throws Exception {
    try (WsClient c = client()) {
      c.send("{\"cmd\":\"hello\",\"id\":5,");
      assertEquals("{\"re\":5,\"cmd\":\"hello\",\"error\":{\"code\":\"bad_request\",\"message\":"
          + "\"malformed JSON at column 23: the object is not closed\"}}", c.next());
      c.send("{\"cmd\":\"hello\",\"id\":7,\"data\":tru}");
      assertEquals("{\"re\":7,\"cmd\":\"hello\",\"error\":{\"code\":\"bad_request\",\"message\":"
          + "\"malformed JSON at column 30: unexpected word 'tru'\"}}", c.next());
      c.send("{\"cmd\":\"hello\",\"id\":8,\"data\":" + "[".repeat(100) + "]".repeat(100) + "}");
      assertEquals("{\"re\":8,\"cmd\":\"hello\",\"error\":{\"code\":\"bad_request\",\"message\":"
          + "\"JSON beyond limits at column 94: nested deeper than 64 levels\"}}", c.next());
      c.send("{\"id\":6}");
      assertEquals(
          "{\"re\":6,\"error\":{\"code\":\"bad_request\",\"message\":\"$.cmd: required field is missing\"}}",
          c.next());
      c.send("   ");
      assertEquals("{\"error\":{\"code\":\"bad_request\",\"message\":\"empty message\"}}", c.next());
      c.send("hello");
      assertEquals("Hello, human", c.next());
    }
  }

  @Test
  void crashRepliesInternalWithoutDetailAndCallsOnError() throws Exception {
    try (WsClient c = client()) {
      endpoint.errors.clear();
      c.send("{\"cmd\":\"crash\",\"id\":9}");
      String reply = c.next();
      assertEquals(
          "{\"re\":9,\"cmd\":\"crash\",\"error\":{\"code\":\"internal\",\"message\":\"internal error\"}}",
          reply);
      assertFalse(reply.contains("hunter2"));
      assertInstanceOf(
          IllegalStateException.class, endpoint.errors.poll(5, java.util.concurrent.TimeUnit.SECONDS));
      c.send("crash");
      assertEquals("{\"cmd\":\"crash\",\"error\":{\"code\":\"internal\",\"message\":\"internal error\"}}", c.next());
      c.send("hello");
      assertEquals("Hello, human", c.next());
    }
  }

  @Test
  void applicationErrorCarriesItsCode() throws Exception {
    try (WsClient c = client()) {
      c.send("{\"cmd\":\"taken\",\"id\":1}");
      assertEquals(
          "{\"re\":1,\"cmd\":\"taken\",\"error\":{\"code\":\"name_taken\",\"message\":\"that name is taken\"}}",
          c.next());
      c.send("taken");
      assertEquals(
          "{\"cmd\":\"taken\",\"error\":{\"code\":\"name_taken\",\"message\":\"that name is taken\"}}",
          c.next());
    }
  }

  @Test
  void completionStageRepliesKeepRequestOrder() throws Exception {
    try (WsClient c = client()) {
      c.send("{\"cmd\":\"later\",\"id\":1,\"data\":300}");
      c.send("{\"cmd\":\"hello\",\"id\":2}");
      assertEquals("{\"re\":1,\"cmd\":\"later\",\"data\":\"later 300\"}", c.next());
      assertEquals("{\"re\":2,\"cmd\":\"hello\",\"data\":\"Hello, human\"}", c.next());
    }
  }

  @Test
  void binaryGoesToOnBinary() throws Exception {
    try (WsClient c = client()) {
      c.sendBinary(new byte[] {1, 2, 3});
      org.junit.jupiter.api.Assertions.assertArrayEquals(new byte[] {3, 2, 1}, c.nextBinary());
    }
  }
}
