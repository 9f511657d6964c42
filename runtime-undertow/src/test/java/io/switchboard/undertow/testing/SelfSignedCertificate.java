package io.switchboard.undertow.testing;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.Arrays;
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
  private final Path rsaKeyPem;
  private final SSLContext clientContext;

  private SelfSignedCertificate(
      Path keystore, Path certificatePem, Path keyPem, Path rsaKeyPem, SSLContext client) {
    this.keystore = keystore;
    this.certificatePem = certificatePem;
    this.keyPem = keyPem;
    this.rsaKeyPem = rsaKeyPem;
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
    Path rsaKeyPem = dir.resolve("server-rsa.key");
    Files.writeString(rsaKeyPem, pem("RSA PRIVATE KEY", pkcs1(key.getEncoded())));

    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("server", certificate);
    return new SelfSignedCertificate(keystore, certificatePem, keyPem, rsaKeyPem, trusting(trust));
  }

  /** An SSL context that trusts the certificates of a PKCS#12 file, e.g. one keytool made. */
  public static SSLContext trusting(Path pkcs12, char[] password) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (java.io.InputStream in = Files.newInputStream(pkcs12)) {
      store.load(in, password);
    }
    return trusting(store);
  }

  private static SSLContext trusting(KeyStore trusted) throws Exception {
    TrustManagerFactory trustManagers =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trustManagers.init(trusted);
    SSLContext client = SSLContext.getInstance("TLS");
    client.init(null, trustManagers.getTrustManagers(), null);
    return client;
  }

  /**
   * The PKCS#1 RSAPrivateKey inside a PKCS#8 PrivateKeyInfo, as older tools write it: the
   * content of the OCTET STRING after the version and the algorithm identifier.
   */
  private static byte[] pkcs1(byte[] pkcs8) {
    int[] at = {0};
    header(pkcs8, at); // SEQUENCE PrivateKeyInfo
    int version = header(pkcs8, at); // INTEGER version
    at[0] += version;
    int algorithm = header(pkcs8, at); // SEQUENCE AlgorithmIdentifier
    at[0] += algorithm;
    int length = header(pkcs8, at); // OCTET STRING privateKey
    return Arrays.copyOfRange(pkcs8, at[0], at[0] + length);
  }

  /** Reads a DER tag and length at {@code at[0]}, leaves it on the content, returns the length. */
  private static int header(byte[] der, int[] at) {
    at[0]++; // tag
    int first = der[at[0]++] & 0xff;
    if (first < 0x80) {
      return first;
    }
    int length = 0;
    for (int i = 0; i < (first & 0x7f); i++) {
      length = (length << 8) | (der[at[0]++] & 0xff);
    }
    return length;
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

  /** The same key as PKCS#1 ({@code BEGIN RSA PRIVATE KEY}). */
  public Path rsaKeyPem() {
    return rsaKeyPem;
  }

  /** An SSL context that trusts only this certificate. */
  public SSLContext clientContext() {
    return clientContext;
  }
}
