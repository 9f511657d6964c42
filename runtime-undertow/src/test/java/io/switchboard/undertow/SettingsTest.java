package io.switchboard.undertow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.undertow.history.HistoryRule;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Configuration keys: builder over system property over environment over default. */
class SettingsTest {

  static ServerBuilder builder(Map<String, String> properties, Map<String, String> environment) {
    return new ServerBuilder(new Settings(properties, environment));
  }

  @Test
  void defaults() {
    ServerConfig config = builder(Map.of(), Map.of()).config();
    assertEquals(8080, config.port());
    assertEquals("0.0.0.0", config.host());
    assertEquals("/web", config.staticFiles());
    assertEquals(List.of(), config.allowedOrigins());
    assertEquals(64 * 1024, config.maxMessageSize());
    assertEquals(20_000, config.maxConnections());
    assertEquals(Duration.ofSeconds(30), config.pingInterval());
    assertEquals(Duration.ofSeconds(10), config.pongTimeout());
    assertEquals(Duration.ZERO, config.idleTimeout());
    assertEquals(1000, config.rateLimit());
    assertEquals(2000, config.rateBurst());
    assertEquals(4 * 1024 * 1024, config.maxQueuedBytes());
    assertEquals(false, config.compression());
    assertEquals(true, config.shutdownHook());
    assertNull(config.statsPath());
    assertNull(config.tls());
    assertNull(config.cluster());
    assertEquals("switchboard", config.clusterName());
  }

  @Test
  void clusterKeys() {
    Map<String, String> env =
        Map.of("SWITCHBOARD_CLUSTER", "redis://127.0.0.1:6379", "SWITCHBOARD_CLUSTER_NAME", "blue");
    assertEquals("redis://127.0.0.1:6379", builder(Map.of(), env).config().cluster());
    assertEquals("blue", builder(Map.of(), env).config().clusterName());
    ServerConfig set = builder(Map.of(), env).cluster("redis://10.0.0.2:6380").clusterName("green").config();
    assertEquals("redis://10.0.0.2:6380", set.cluster());
    assertEquals("green", set.clusterName());
    assertThrows(IllegalArgumentException.class, () -> builder(Map.of(), Map.of()).cluster("no uri"));
  }

  @Test
  void roomHistoryAndRecoveryKeys() {
    ServerConfig defaults = builder(Map.of(), Map.of()).config();
    assertEquals(List.of(), defaults.roomHistory());
    assertEquals(Duration.ofMinutes(2), defaults.recoveryWindow());
    assertEquals(100, defaults.recoveryBuffer());

    Map<String, String> env = Map.of(
        "SWITCHBOARD_ROOM_HISTORY", "lobby:500:2m, ticker-*:100:30s",
        "SWITCHBOARD_RECOVERY_WINDOW", "30s",
        "SWITCHBOARD_RECOVERY_BUFFER", "10");
    ServerConfig fromEnvironment = builder(Map.of(), env).config();
    assertEquals(List.of(new HistoryRule("lobby", 500, Duration.ofMinutes(2)),
        new HistoryRule("ticker-*", 100, Duration.ofSeconds(30))), fromEnvironment.roomHistory());
    assertEquals(Duration.ofSeconds(30), fromEnvironment.recoveryWindow());
    assertEquals(10, fromEnvironment.recoveryBuffer());
    assertTrue(fromEnvironment.roomHistory().get(1).matches("ticker-EURUSD"));
    assertFalse(fromEnvironment.roomHistory().get(0).matches("lobby-2"));

    ServerConfig built = builder(Map.of(), Map.of())
        .roomHistory("a", 1, Duration.ofSeconds(1)).roomHistory("b*", 2, Duration.ofSeconds(2)).config();
    assertEquals(List.of("a", "b*"), built.roomHistory().stream().map(HistoryRule::rooms).toList());

    for (String bad : List.of("lobby", "lobby:many:2m", "lobby:500:soon", "lobby:0:2m", "lo*by:5:2m")) {
      IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
          () -> builder(Map.of(), Map.of("SWITCHBOARD_ROOM_HISTORY", bad)).config(), bad);
      assertTrue(refused.getMessage().contains("room-history"), refused.getMessage());
    }
    assertThrows(IllegalArgumentException.class,
        () -> builder(Map.of(), Map.of()).roomHistory("lobby", 10, Duration.ZERO));
  }

  @Test
  void theBuilderRefusesWhatTheKeyRefusesAndNamesIt() {
    IllegalArgumentException builder =
        assertThrows(IllegalArgumentException.class, () -> builder(Map.of(), Map.of()).maxMessageSize(0));
    assertEquals("bad value for max-message-size: 0: must be positive", builder.getMessage());
    IllegalArgumentException environment =
        assertThrows(
            IllegalArgumentException.class,
            () -> builder(Map.of(), Map.of("SWITCHBOARD_MAX_MESSAGE_SIZE", "0")).config());
    assertEquals(
        "bad value for switchboard.max-message-size (SWITCHBOARD_MAX_MESSAGE_SIZE): \"0\": must be positive",
        environment.getMessage());
    assertThrows(IllegalArgumentException.class, () -> builder(Map.of(), Map.of()).port(70000));
    assertThrows(IllegalArgumentException.class, () -> builder(Map.of(), Map.of()).statsPath("stats"));
  }

  @Test
  void theBuilderWinsOverTheEnvironmentForTlsAsAWhole() {
    ServerConfig keystore =
        builder(Map.of(), Map.of("SWITCHBOARD_TLS_CERT", "/c.pem", "SWITCHBOARD_TLS_KEY", "/k.pem"))
            .tlsKeystore(java.nio.file.Path.of("/ks.p12"), "pw".toCharArray())
            .config();
    assertEquals("/ks.p12", keystore.tls().keystore().toString());
    assertNull(keystore.tls().certificate());
  }

  @Test
  void environmentThenPropertyThenBuilder() {
    Map<String, String> env =
        Map.of("SWITCHBOARD_PORT", "9000", "SWITCHBOARD_MAX_MESSAGE_SIZE", "128KiB",
            "SWITCHBOARD_PING_INTERVAL", "15s", "SWITCHBOARD_COMPRESSION", "true",
            "SWITCHBOARD_STATS_PATH", "/stats");
    assertEquals(9000, builder(Map.of(), env).config().port());
    assertEquals(128 * 1024, builder(Map.of(), env).config().maxMessageSize());
    assertEquals(Duration.ofSeconds(15), builder(Map.of(), env).config().pingInterval());
    assertTrue(builder(Map.of(), env).config().compression());
    assertEquals("/stats", builder(Map.of(), env).config().statsPath());
    Map<String, String> props = Map.of("switchboard.port", "9100", "switchboard.max-queued-bytes", "2MiB");
    assertEquals(9100, builder(props, env).config().port());
    assertEquals(2 * 1024 * 1024, builder(props, env).config().maxQueuedBytes());
    assertEquals(9200, builder(props, env).port(9200).config().port());
    assertEquals(100, builder(Map.of(), Map.of("SWITCHBOARD_RATE_LIMIT", "50")).config().rateBurst());
  }

  @Test
  void tlsFromEnvironment() {
    ServerConfig pem =
        builder(Map.of(), Map.of("SWITCHBOARD_TLS_CERT", "/c.pem", "SWITCHBOARD_TLS_KEY", "/k.pem")).config();
    assertEquals("/c.pem", pem.tls().certificate().toString());
    assertThrows(
        IllegalArgumentException.class,
        () -> builder(Map.of(), Map.of("SWITCHBOARD_TLS_CERT", "/c.pem")).config());
  }

  @Test
  void badValueNamesTheKey() {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () -> builder(Map.of(), Map.of("SWITCHBOARD_PONG_TIMEOUT", "soon")).config());
    assertTrue(error.getMessage().contains("switchboard.pong-timeout"), error.getMessage());
    assertTrue(error.getMessage().contains("SWITCHBOARD_PONG_TIMEOUT"), error.getMessage());
  }

  @Test
  void durationsAndSizes() {
    assertEquals(Duration.ofMillis(500), Settings.parseDuration("500ms"));
    assertEquals(Duration.ofMinutes(5), Settings.parseDuration("5m"));
    assertEquals(Duration.ofHours(1), Settings.parseDuration("1h"));
    assertEquals(Duration.ZERO, Settings.parseDuration("0"));
    assertEquals(65536, Settings.parseSize("65536"));
    assertEquals(65536, Settings.parseSize("64KiB"));
    assertEquals(1048576, Settings.parseSize("1m"));
    assertThrows(IllegalArgumentException.class, () -> Settings.parseSize("lots"));
  }
}
