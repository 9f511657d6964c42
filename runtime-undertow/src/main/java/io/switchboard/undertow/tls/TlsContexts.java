package io.switchboard.undertow.tls;

import io.switchboard.undertow.ServerConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** Builds the server's {@link SSLContext} from a PKCS#12 keystore or PEM files, with the JDK only. */
public final class TlsContexts {

  private static final Pattern PEM_KEY =
      Pattern.compile(
          "-----BEGIN (RSA |EC )?PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END (RSA |EC )?PRIVATE KEY-----");
  private static final char[] NO_PASSWORD = new char[0];

  private TlsContexts() {}

  public static SSLContext create(ServerConfig.Tls tls) {
    try {
      KeyStore keyStore =
          tls.keystore() != null
              ? pkcs12(tls.keystore(), tls.keystorePassword())
              : pem(tls.certificate(), tls.privateKey());
      char[] password = tls.keystore() != null ? tls.keystorePassword() : NO_PASSWORD;
      KeyManagerFactory keyManagers =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keyManagers.init(keyStore, password);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers.getKeyManagers(), null, null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
    }
  }

  private static KeyStore pkcs12(Path file, char[] password) throws IOException, GeneralSecurityException {
    KeyStore keyStore = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      keyStore.load(in, password);
    }
    return keyStore;
  }

  private static KeyStore pem(Path certificateFile, Path keyFile) throws IOException, GeneralSecurityException {
    List<Certificate> chain;
    try (InputStream in = Files.newInputStream(certificateFile)) {
      chain = List.copyOf(CertificateFactory.getInstance("X.509").generateCertificates(in));
    }
    if (chain.isEmpty()) {
      throw new GeneralSecurityException("no certificate in " + certificateFile);
    }
    PrivateKey key = privateKey(Files.readString(keyFile), chain.get(0).getPublicKey().getAlgorithm());
    KeyStore keyStore = KeyStore.getInstance("PKCS12");
    keyStore.load(null, null);
    keyStore.setKeyEntry("server", key, NO_PASSWORD, chain.toArray(Certificate[]::new));
    return keyStore;
  }

  private static PrivateKey privateKey(String pem, String algorithm) throws GeneralSecurityException {
    Matcher m = PEM_KEY.matcher(pem);
    if (!m.find()) {
      throw new GeneralSecurityException(
          "no unencrypted PEM private key (BEGIN PRIVATE KEY or BEGIN RSA PRIVATE KEY) found");
    }
    byte[] der = Base64.getMimeDecoder().decode(m.group(2));
    if ("RSA ".equals(m.group(1))) {
      der = Pkcs1.toPkcs8(der);
    } else if ("EC ".equals(m.group(1))) {
      throw new GeneralSecurityException(
          "BEGIN EC PRIVATE KEY is not supported: convert it with"
              + " `openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem`");
    }
    return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
  }
}
