package io.switchboard.undertow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.testchat.AuctionEndpoint;
import com.example.testchat.ItemEndpoint;
import com.example.testchat.NewItemEndpoint;
import io.switchboard.undertow.testing.Await;
import io.switchboard.undertow.testing.RawWebSocket;
import io.switchboard.undertow.testing.WsClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** URI templates over real sockets: matching, conversion, priority, and what handlers see. */
class PathTemplateTest {

  private final AuctionEndpoint auction = new AuctionEndpoint();
  private final AtomicReference<Map<String, String>> hookSaw = new AtomicReference<>();
  private SwitchboardServer server;

  @BeforeEach
  void start() {
    server =
        RegistrationTest.server()
            .handshakeHook(request -> hookSaw.set(request.pathParams()))
            .endpoint(auction)
            .endpoint(new ItemEndpoint())
            .endpoint(new NewItemEndpoint())
            .start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void everyKindOfHandlerReceivesTheValuesConverted() throws Exception {
    UUID ref = UUID.randomUUID();
    try (WsClient client = WsClient.connect(server.port(), "/auctions/NORTH/lots/42/" + ref)) {
      assertEquals("opened NORTH lot 42", client.next());
      assertEquals("NORTH/42/" + ref, client.send("where").next());
      assertEquals("12.50 on lot 42", client.send("bid 12.50").next());
      assertEquals(
          "/auctions/{house}/lots/{lot}/{ref} {house=NORTH, lot=42, ref=" + ref + "}",
          client.send("values").next());
    }
    Await.until("@OnClose ran", () -> !auction.closed.isEmpty());
    assertEquals("lot 42 1000", auction.closed.get(0));
    assertEquals(Map.of("house", "NORTH", "lot", "42", "ref", ref.toString()), hookSaw.get());
  }

  @Test
  void aStringValueIsDecoded() throws Exception {
    try (WsClient client = WsClient.connect(server.port(), "/items/blue%20lamp")) {
      assertEquals("item blue lamp", client.send("item").next());
    }
  }

  @Test
  void aLiteralPathWinsOverATemplateThatMatchesIt() throws Exception {
    try (WsClient literal = WsClient.connect(server.port(), "/items/new");
        WsClient template = WsClient.connect(server.port(), "/items/old")) {
      assertEquals("a new item", literal.send("item").next());
      assertEquals("item old", template.send("item").next());
    }
  }

  @Test
  void aValueThatDoesNotConvertIs404BeforeTheUpgradeAndTheHookNeverRuns() throws Exception {
    String ref = UUID.randomUUID().toString();
    for (String path :
        new String[] {
          "/auctions/EAST/lots/42/" + ref,
          "/auctions/NORTH/lots/many/" + ref,
          "/auctions/NORTH/lots/42/not-a-uuid",
          "/auctions/NORTH/lots/42",
          "/items/lamp/extra"
        }) {
      try (RawWebSocket raw = RawWebSocket.upgrade(server.port(), path)) {
        assertEquals(404, raw.status(), path);
      }
    }
    assertEquals(null, hookSaw.get());
    try (WsClient stillServing = WsClient.connect(server.port(), "/items/lamp")) {
      assertEquals("item lamp", stillServing.send("item").next());
    }
  }

  @Test
  void aPlainGetUnderATemplateIsLeftToTheStaticFiles() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> template = http.send(get("/items/lamp"), HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> literal = http.send(get("/items/new"), HttpResponse.BodyHandlers.ofString());

    assertEquals(404, template.statusCode()); // no such file: a template does not hide the page's files
    assertEquals(426, literal.statusCode()); // an endpoint path asks for the upgrade
  }

  private HttpRequest get(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build();
  }

  @Test
  void theTemplateIsTheEndpointsPathForTheServerHandle() throws Exception {
    try (WsClient lamp = WsClient.connect(server.port(), "/items/lamp")) {
      lamp.send("item").next(); // registered
      server.broadcaster("/items/{item}").toAll("note", "closing soon");
      assertEquals("{\"event\":\"note\",\"data\":\"closing soon\"}", lamp.next());
    }
  }
}
