package io.switchboard.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.greeter.GreeterApp;
import io.switchboard.undertow.SwitchboardServer;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** wss:// with a self-signed certificate, made by keytool for this test. */
class WsTestClientTlsTest {

  private static final char[] PASSWORD = "changeit".toCharArray();

  @TempDir static Path directory;
  static Path keystore;
  static SwitchboardServer server;

  @BeforeAll
  static void startTheServerWithASelfSignedCertificate() throws Exception {
    keystore = directory.resolve("server.p12");
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "server",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=ip:127.0.0.1,dns:localhost",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                keystore.toString(),
                "-storepass",
                new String(PASSWORD),
                "-keypass",
                new String(PASSWORD))
            .redirectErrorStream(true)
            .start();
    assertTrue(keytool.waitFor(60, TimeUnit.SECONDS), "keytool did not finish");
    assertEquals(0, keytool.exitValue(), new String(keytool.getInputStream().readAllBytes()));
    server = GreeterApp.server().host("127.0.0.1").port(0).tlsKeystore(keystore, PASSWORD).start();
  }

  @AfterAll
  static void stop() {
    server.stop(Duration.ofSeconds(5));
  }

  @Test
  void aCertificateTheJvmDoesNotTrustFailsTheHandshake() {
    UncheckedIOException refused =
        assertThrows(UncheckedIOException.class, () -> WsTestClient.connect(greeter()));

    assertInstanceOf(SSLHandshakeException.class, refused.getCause().getCause(), refused::toString);
  }

  @Test
  void anSslContextThatTrustsItConnects() throws Exception {
    try (WsTestClient client =
        WsTestClient.builder(greeter()).sslContext(TrustStores.trusting(keystore, PASSWORD)).connect()) {
      assertEquals("Hello, human", client.call("hello").asText());
    }
  }

  private static URI greeter() {
    return URI.create("wss://127.0.0.1:" + server.port() + "/greeter");
  }

}
