package io.switchboard.undertow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.undertow.testing.TestEndpoint;
import io.switchboard.undertow.testing.TestServers;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Static files, the client script and the stats endpoint share the WebSocket port. */
class HttpSideTest {

  @TempDir static Path classpath;
  static SwitchboardServer server;
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    write("web/index.html", "<!doctype html><title>chat</title>");
    write("web/css/app.css", "body{}");
    write("web/app.js", "console.log(1)");
    write("web/data.json", "{}");
    ClassLoader loader =
        new URLClassLoader(new URL[] {classpath.toUri().toURL()}, HttpSideTest.class.getClassLoader());
    server = TestServers.builder(new TestEndpoint()).classLoader(loader).statsPath("/stats").start();
  }

  static void write(String path, String content) throws Exception {
    Path file = classpath.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  @AfterAll
  static void stop() {
    server.stop(Duration.ofSeconds(2));
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void rootServesIndexHtml() throws Exception {
    HttpResponse<String> response = get("/");
    assertEquals(200, response.statusCode());
    assertEquals("<!doctype html><title>chat</title>", response.body());
    assertEquals("text/html; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());
  }

  @Test
  void staticFilesHaveTheirContentTypes() throws Exception {
    assertEquals("text/css; charset=utf-8", get("/css/app.css").headers().firstValue("Content-Type").orElseThrow());
    assertEquals("text/javascript; charset=utf-8", get("/app.js").headers().firstValue("Content-Type").orElseThrow());
    assertEquals("application/json", get("/data.json").headers().firstValue("Content-Type").orElseThrow());
    assertEquals(404, get("/missing.html").statusCode());
  }

  @Test
  void clientScriptIsServedFromItsResource() throws Exception {
    HttpResponse<String> response = get("/switchboard.js");
    assertEquals(200, response.statusCode());
    String shipped;
    try (var in = HttpSideTest.class.getResourceAsStream("/io/switchboard/undertow/switchboard.js")) {
      shipped = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    assertEquals(shipped, response.body());
    assertEquals("text/javascript; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());
  }

  @Test
  void plainGetOnEndpointPathIsUpgradeRequired() throws Exception {
    HttpResponse<String> response = get("/test");
    assertEquals(StatusCodes.HTTP_UPGRADE_REQUIRED, response.statusCode());
    assertEquals(StatusCodes.UPGRADE_REQUIRED, response.body());
  }

  @Test
  void statsEndpointServesJson() throws Exception {
    HttpResponse<String> response = get("/stats");
    assertEquals(200, response.statusCode());
    assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
    assertTrue(response.body().matches("\\{\"openSessions\":\\d+,\"rooms\":\\d+,.*\"errors\":\\d+,\"clusterConnected\":true,\"clusterDropped\":0}"), response.body());
  }
}
