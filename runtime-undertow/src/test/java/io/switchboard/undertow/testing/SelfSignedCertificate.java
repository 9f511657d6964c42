package io.switchboard.undertow.testing;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate for localhost/127.0.0.1 made at test time with the JDK's {@code
 * keytool}, as a PKCS#12 keystore and as PEM files, and a client SSL context that trusts it.
 */
public final class SelfSignedCertificate {

  public static final char[] PASSWORD = "changeit".toCharArray();

  private final Path keystore;
  private final Path certificatePem;
  private final Path keyPem;
  private final SSLContext clientContext;

  private SelfSignedCertificate(Path keystore, Path certificatePem, Path keyPem, SSLContext client) {
    this.keystore = keystore;
    this.certificatePem = certificatePem;
    this.keyPem = keyPem;
    this.clientContext = client;
  }

  public static SelfSignedCertificate create(Path dir) throws Exception {
    Path keystore = dir.resolve("server.p12");
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    Process process =
        new ProcessBuilder(
                keytool, "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048",
                "-validity", "2", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("keytool failed: " + output);
    }
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      store.load(in, PASSWORD);
    }
    Certificate certificate = store.getCertificate("server");
    PrivateKey key = (PrivateKey) store.getKey("server", PASSWORD);
    Path certificatePem = dir.resolve("server.crt");
    Files.writeString(certificatePem, pem("CERTIFICATE", certificate.getEncoded()));
    Path keyPem = dir.resolve("server.key");
    Files.writeString(keyPem, pem("PRIVATE KEY", key.getEncoded()));

    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("server", certificate);
    TrustManagerFactory trustManagers =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trustManagers.init(trust);
    SSLContext client = SSLContext.getInstance("TLS");
    client.init(null, trustManagers.getTrustManagers(), null);
    return new SelfSignedCertificate(keystore, certificatePem, keyPem, client);
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }

  public Path keystore() {
    return keystore;
  }

  public Path certificatePem() {
    return certificatePem;
  }

  public Path keyPem() {
    return keyPem;
  }

  /** An SSL context that trusts only this certificate. */
  public SSLContext clientContext() {
    return clientContext;
  }
}
