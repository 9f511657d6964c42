package io.switchboard.undertow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.undertow.testing.TestEndpoint;
import io.switchboard.undertow.testing.TestServers;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract the processor wrote for this module's test endpoints is served when api-docs is on,
 * as written, and is a 404 by default; of several on the class path, the first is served.
 */
class ApiDocsTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void onServesBothDocumentsAsTheProcessorWroteThem() throws Exception {
    SwitchboardServer server = TestServers.builder(new TestEndpoint()).apiDocs(true).start();
    try {
      HttpResponse<String> asyncApi = get(server, "/switchboard/asyncapi.json");
      assertEquals(200, asyncApi.statusCode());
      assertEquals("application/json", asyncApi.headers().firstValue("Content-Type").orElseThrow());
      assertEquals(resource("META-INF/switchboard/asyncapi.json"), asyncApi.body());
      assertTrue(asyncApi.body().contains("\"asyncapi\" : \"3.0.0\""), asyncApi.body());

      HttpResponse<String> types = get(server, "/switchboard/switchboard.d.ts");
      assertEquals(200, types.statusCode());
      assertEquals(resource("META-INF/switchboard/switchboard.d.ts"), types.body());
      assertTrue(types.body().contains("export interface SwitchboardEndpoints"), types.body());
    } finally {
      server.stop(Duration.ofSeconds(2));
    }
  }

  @Test
  void offByDefault() throws Exception {
    SwitchboardServer server = TestServers.builder(new TestEndpoint()).start();
    try {
      assertEquals(404, get(server, "/switchboard/asyncapi.json").statusCode());
      assertEquals(404, get(server, "/switchboard/switchboard.d.ts").statusCode());
    } finally {
      server.stop(Duration.ofSeconds(2));
    }
  }

  @Test
  void withSeveralContractsOnTheClassPathTheFirstIsServed(@TempDir Path other) throws Exception {
    Path document = other.resolve("META-INF/switchboard/asyncapi.json");
    Files.createDirectories(document.getParent());
    Files.writeString(document, "{\"asyncapi\":\"3.0.0\",\"info\":{\"title\":\"another module\"}}");
    ClassLoader loader = new URLClassLoader(new URL[] {other.toUri().toURL()}, ApiDocsTest.class.getClassLoader());
    SwitchboardServer server = TestServers.builder(new TestEndpoint()).classLoader(loader).apiDocs(true).start();
    try {
      assertEquals(resource("META-INF/switchboard/asyncapi.json"), get(server, "/switchboard/asyncapi.json").body());
    } finally {
      server.stop(Duration.ofSeconds(2));
    }
  }

  private static HttpResponse<String> get(SwitchboardServer server, String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String resource(String name) throws Exception {
    try (InputStream in = ApiDocsTest.class.getClassLoader().getResourceAsStream(name)) {
      assertTrue(in != null, name + " is not on the test class path: did the processor run?");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
