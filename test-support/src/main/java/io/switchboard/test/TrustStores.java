package io.switchboard.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Client-side TLS for tests of a {@code wss://} server with a self-signed certificate: trust
 * exactly the certificates of a keystore, as a browser told to trust the certificate would.
 */
public final class TrustStores {

  private TrustStores() {}

  /**
   * An SSL context that trusts the certificates in a PKCS#12 keystore (the server's own keystore
   * will do), for {@link WsTestClient.Builder#sslContext} or {@code HttpClient.Builder.sslContext}.
   */
  public static SSLContext trusting(Path pkcs12, char[] password) {
    try (InputStream in = Files.newInputStream(pkcs12)) {
      KeyStore trusted = KeyStore.getInstance("PKCS12");
      trusted.load(in, password);
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(trusted);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read keystore " + pkcs12, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot trust the keystore " + pkcs12, e);
    }
  }
}
