package com.example.chat;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The real headless Chromium of the machine (Debian's {@code chromium} and {@code chromedriver}),
 * never one that a tool downloads: both executables are given explicitly, so Selenium Manager has
 * nothing to look up. Each window is a separate browser, with its own chromedriver (quitting a
 * driver stops its service) and a fresh profile, so two windows are two independent people.
 */
final class Chromium implements AutoCloseable {

  static final Path BINARY = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
  static final Path DRIVER =
      Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  /**
   * Selenium looks for a DevTools binding of this Chromium's exact version, for CDP features these
   * tests never use, and warns when it has none. Held in a field: java.util.logging keeps loggers
   * weakly, and a collected logger would forget its level.
   */
  private static final Logger CDP_VERSION_FINDER =
      quiet("org.openqa.selenium.devtools.CdpVersionFinder");

  private final List<ChromeDriver> browsers = new ArrayList<>();
  private final List<Path> profiles = new ArrayList<>();

  private Chromium() {}

  /**
   * Checks that Chromium is installed, or skips the calling test class with a loud message. On CI
   * ({@code CI=true}) a missing browser fails instead: there it is a broken setup, not a developer
   * machine without Chromium.
   */
  static Chromium startOrSkip() {
    if (!Files.isExecutable(BINARY) || !Files.isExecutable(DRIVER)) {
      String message =
          "Browser tests need "
              + BINARY
              + " and "
              + DRIVER
              + " (Debian: apt-get install chromium chromium-driver; or set -Dchromium.binary and"
              + " -Dchromedriver.binary)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(message);
      }
      System.err.println("\n*** SKIPPING BROWSER TESTS *** " + message + "\n");
      Assumptions.abort(message);
    }
    return new Chromium();
  }

  /** A new headless browser with a fresh profile, and these command line flags besides ours. */
  ChromeDriver open(String... extraFlags) throws IOException {
    Path profile = Files.createTempDirectory("switchboard-chromium-");
    profiles.add(profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(DRIVER.toFile())
            .usingAnyFreePort()
            .withLogOutput(OutputStream.nullOutputStream())
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BINARY.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1100,720",
        "--user-data-dir=" + profile);
    options.addArguments(extraFlags);
    ChromeDriver browser = new ChromeDriver(service, options);
    browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
    browsers.add(browser);
    return browser;
  }

  private static Logger quiet(String name) {
    Logger logger = Logger.getLogger(name);
    logger.setLevel(Level.SEVERE);
    return logger;
  }

  /**
   * Runs the body of an async function in the page, with the arguments as {@code args}, and returns
   * what it returns, an object. A thrown error fails the test with its stack.
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> run(ChromeDriver browser, String body, Object... args) {
    Object result =
        browser.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "const args = Array.from(arguments).slice(0, -1);"
                + "(async () => {"
                + body
                + "})().then("
                + "  (value) => done(value === undefined ? {} : value),"
                + "  (error) => done({thrown: String(error && error.stack || error)}));",
            args);
    Map<String, Object> map = (Map<String, Object>) result;
    assertNull(map.get("thrown"), () -> "the script threw: " + map.get("thrown"));
    return map;
  }

  /** Saves what the browser shows as {@code target/screenshots/<name>.png}. */
  static Path screenshot(ChromeDriver browser, String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Path file = SCREENSHOTS.resolve(name + ".png");
    Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
    return file;
  }

  /** Quits every browser (and with it its chromedriver) and deletes the profiles. */
  @Override
  public void close() {
    browsers.forEach(ChromeDriver::quit);
    profiles.forEach(Chromium::deleteTree);
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
