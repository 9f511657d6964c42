package io.switchboard.undertow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchboard.undertow.testing.SelfSignedCertificate;
import io.switchboard.undertow.testing.TestEndpoint;
import io.switchboard.undertow.testing.TestServers;
import io.switchboard.undertow.testing.WsClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** wss:// from a PKCS#12 keystore and from PEM files, with a certificate made at test time. */
class TlsTest {

  @TempDir static java.nio.file.Path dir;
  static SelfSignedCertificate certificate;
  static HttpClient client;

  @BeforeAll
  static void makeCertificate() throws Exception {
    certificate = SelfSignedCertificate.create(dir);
    client = HttpClient.newBuilder().sslContext(certificate.clientContext()).build();
  }

  void roundTripOverWss(SwitchboardServer server) throws Exception {
    try (WsClient c = WsClient.connect(client, URI.create("wss://localhost:" + server.port() + "/test"))) {
      c.send("{\"cmd\":\"hello\",\"id\":1}");
      assertEquals("{\"re\":1,\"cmd\":\"hello\",\"data\":\"Hello, human\"}", c.next());
    }
  }

  @Test
  void servesWssFromPkcs12Keystore() throws Exception {
    try (SwitchboardServer server =
        TestServers.builder(new TestEndpoint())
            .tlsKeystore(certificate.keystore(), SelfSignedCertificate.PASSWORD)
            .start()) {
      roundTripOverWss(server);
    }
  }

  @Test
  void servesWssAndHttpsFromPemFiles() throws Exception {
    try (SwitchboardServer server =
        TestServers.builder(new TestEndpoint())
            .tlsPem(certificate.certificatePem(), certificate.keyPem())
            .start()) {
      roundTripOverWss(server);
      HttpResponse<String> page =
          client.send(
              HttpRequest.newBuilder(URI.create("https://localhost:" + server.port() + "/test")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(StatusCodes.HTTP_UPGRADE_REQUIRED, page.statusCode());
    }
  }

  @Test
  void acceptsAPkcs1RsaKey() throws Exception {
    try (SwitchboardServer server =
        TestServers.builder(new TestEndpoint())
            .tlsPem(certificate.certificatePem(), certificate.rsaKeyPem())
            .start()) {
      roundTripOverWss(server);
    }
  }
}
