package io.switchboard.undertow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.example.testchat.EchoEndpoint;
import io.switchboard.undertow.testing.WsClient;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * An open WebSocket connection does not keep the HTTP request it was upgraded from: its exchange
 * and headers are garbage once the session has what it needs of them (with Undertow's own upgrade
 * listener they stayed for the connection's life, about 1.6 KB each).
 */
class UpgradedRequestTest {

  @Test
  void anOpenConnectionLetsItsUpgradeRequestBeCollected() throws Exception {
    assumeFalse(
        ManagementFactory.getRuntimeMXBean().getInputArguments().contains("-XX:+DisableExplicitGC"),
        "the test asks for collections with System.gc()");
    ReferenceQueue<String> collected = new ReferenceQueue<>();
    List<Reference<String>> probes = new CopyOnWriteArrayList<>(); // the references themselves stay reachable
    AtomicBoolean heldByTheRequest = new AtomicBoolean();
    try (SwitchboardServer server =
            Switchboard.server().port(0).host("127.0.0.1").shutdownHook(false)
                .endpoint(new EchoEndpoint())
                .handshakeHook(
                    request -> {
                      // The header's value as the server parsed it, which only the request holds:
                      // it must outlive a collection while the request is alive (here), else its
                      // collection later would prove nothing.
                      probes.add(new WeakReference<>(request.header("X-Probe").orElseThrow(), collected));
                      System.gc();
                      heldByTheRequest.set(probes.get(0).get() != null);
                    })
                .start();
        WsClient client =
            WsClient.connect(
                URI.create("ws://127.0.0.1:" + server.port() + "/echo"), Map.of("X-Probe", "probe-" + UUID.randomUUID()))) {
      client.send("before");
      assertEquals("before", client.next());
      assertEquals(1, probes.size());
      assertTrue(heldByTheRequest.get(), "the probe is not the request's own string");

      assertTrue(collectedWithin(collected, 10), "the upgrade request is still reachable from the open connection");

      client.send("after");
      assertEquals("after", client.next(), "the connection serves on without its request");
    }
  }

  /** Asks for collections until a reference is cleared, or {@code seconds} pass. */
  private static boolean collectedWithin(ReferenceQueue<String> queue, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      System.gc();
      if (queue.remove(100) != null) {
        return true;
      }
    }
    return false;
  }
}
