package com.example.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchboard.undertow.SwitchboardServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page served over https:// talks wss:// by itself: it takes the scheme from its own address.
 * The server runs from a self-signed PKCS#12 keystore made with the JDK's keytool, through the same
 * flags as the packaged jar.
 */
class ChatPageTlsBrowserTest {

  private static final String PASSWORD = "changeit";

  @TempDir static Path dir;
  private static Chromium chromium;
  private static ChromeDriver browser;
  private static SwitchboardServer server;

  @BeforeAll
  static void start() throws Exception {
    chromium = Chromium.startOrSkip();
    Path keystore = selfSignedKeystore(dir.resolve("chat.p12"));
    server =
        Main.start(
            ChatOptions.parse(
                "--port",
                "0",
                "--host",
                "127.0.0.1",
                "--tls-keystore",
                keystore.toString(),
                "--tls-password",
                PASSWORD));
    // The certificate is our own, made a moment ago: this browser trusts any.
    browser = chromium.open("--ignore-certificate-errors");
  }

  @AfterAll
  static void stop() {
    if (chromium != null) {
      chromium.close();
    }
    if (server != null) {
      server.stop(Duration.ofSeconds(2));
    }
  }

  static Path selfSignedKeystore(Path file) throws Exception {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process process =
        new ProcessBuilder(
                keytool.toString(),
                "-genkeypair",
                "-alias",
                "chat",
                "-keyalg",
                "EC",
                "-keysize",
                "256",
                "-validity",
                "2",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=dns:localhost,ip:127.0.0.1",
                "-storetype",
                "PKCS12",
                "-keystore",
                file.toString(),
                "-storepass",
                PASSWORD)
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("keytool failed: " + output);
    }
    return file;
  }

  @Test
  void anHttpsPageChatsOverWss() {
    browser.get("https://127.0.0.1:" + server.port() + "/");
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
    wait.until(b -> "open".equals(b.findElement(By.id("status")).getAttribute("data-state")));
    wait.until(
        b ->
            systemLog(browser)
                .contains("Connected to wss://127.0.0.1:" + server.port() + "/chat."));

    browser.findElement(By.id("line")).sendKeys("say over TLS" + Keys.ENTER);
    wait.until(
        b ->
            b.findElements(By.cssSelector("#log li.chat .text")).stream()
                .anyMatch(e -> e.getText().equals("over TLS")));
    assertEquals("https:", browser.executeScript("return location.protocol;"));
  }

  @SuppressWarnings("unchecked")
  private static List<String> systemLog(ChromeDriver browser) {
    return (List<String>)
        browser.executeScript(
            "return Array.from(document.querySelectorAll('#log li.system .text'), li =>"
                + " li.textContent);");
  }
}
