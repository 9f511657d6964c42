package com.example.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChatOptionsTest {

  @TempDir Path dir;

  @Test
  void noFlagsLeaveEverySettingToTheRuntime() {
    ChatOptions options = ChatOptions.parse();
    assertNull(options.port());
    assertNull(options.host());
    assertFalse(options.tls());
    assertFalse(options.help());
  }

  @Test
  void portAndHostAreTaken() {
    ChatOptions options = ChatOptions.parse("--port", "9001", "--host", "127.0.0.1");
    assertEquals(9001, options.port());
    assertEquals("127.0.0.1", options.host());
    assertEquals(0, ChatOptions.parse("--port", "0").port());
    ChatOptions equalsForm = ChatOptions.parse("--port=9002", "--host=::1");
    assertEquals(9002, equalsForm.port());
    assertEquals("::1", equalsForm.host());
  }

  @Test
  void badFlagsAreExplained() {
    assertEquals("--port must be a port number 0-65535, not \"http\"", failure("--port", "http"));
    assertEquals("--port must be a port number 0-65535, not \"70000\"", failure("--port", "70000"));
    assertEquals("--port needs a value (see --help)", failure("--port"));
    assertEquals("--host needs a value (see --help)", failure("--host", "--port", "1"));
    assertEquals("unknown option --verbose (see --help)", failure("--verbose"));
    assertTrue(failure("--tls-keystore", "missing.p12").startsWith("--tls-keystore: cannot read "));
  }

  private static String failure(String... args) {
    return assertThrows(IllegalArgumentException.class, () -> ChatOptions.parse(args)).getMessage();
  }

  @Test
  void tlsTakesAKeystoreWithItsPasswordOrACertificateWithItsKey() throws Exception {
    String keystore = Files.writeString(dir.resolve("chat.p12"), "").toString();
    String cert = Files.writeString(dir.resolve("cert.pem"), "").toString();
    String key = Files.writeString(dir.resolve("key.pem"), "").toString();

    ChatOptions pkcs12 = ChatOptions.parse("--tls-keystore", keystore, "--tls-password", "secret");
    assertTrue(pkcs12.tls());
    assertEquals(Path.of(keystore), pkcs12.keystore());
    assertEquals("secret", pkcs12.keystorePassword());

    ChatOptions pem = ChatOptions.parse("--tls-cert", cert, "--tls-key", key);
    assertTrue(pem.tls());
    assertEquals(Path.of(cert), pem.certificate());
    assertEquals(Path.of(key), pem.privateKey());

    assertEquals("--tls-keystore needs --tls-password", failure("--tls-keystore", keystore));
    assertEquals("--tls-cert and --tls-key go together", failure("--tls-cert", cert));
    assertEquals(
        "use either --tls-keystore or --tls-cert/--tls-key, not both",
        failure(
            "--tls-keystore",
            keystore,
            "--tls-password",
            "x",
            "--tls-cert",
            cert,
            "--tls-key",
            key));
  }

  @Test
  void helpIsAFlagAndTheUsageNamesEveryFlag() {
    assertTrue(ChatOptions.parse("--help").help());
    assertTrue(ChatOptions.parse("-h").help());
    assertEquals("redis://127.0.0.1:6379",
        ChatOptions.parse("--cluster=redis://127.0.0.1:6379").cluster());
    for (String flag :
        new String[] {
          "--port",
          "--host",
          "--tls-keystore",
          "--tls-password",
          "--tls-cert",
          "--tls-key",
          "--cluster",
          "--help",
          "SWITCHBOARD_PORT"
        }) {
      assertTrue(ChatOptions.USAGE.contains(flag), flag);
    }
  }

  @Test
  void thePageUrlNamesAHostABrowserCanReach() {
    assertEquals("http://localhost:8080/", Main.pageUrl("http", "0.0.0.0", 8080));
    assertEquals("https://localhost:8443/", Main.pageUrl("https", "::", 8443));
    assertEquals("http://127.0.0.1:8080/", Main.pageUrl("http", "127.0.0.1", 8080));
    assertEquals("http://[::1]:8080/", Main.pageUrl("http", "::1", 8080));
  }
}
