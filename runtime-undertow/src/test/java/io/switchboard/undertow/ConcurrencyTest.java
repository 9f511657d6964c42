package io.switchboard.undertow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchboard.undertow.testing.TestEndpoint;
import io.switchboard.undertow.testing.TestServers;
import io.switchboard.undertow.testing.WsClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Broadcasts from many threads while other sessions connect and disconnect: a session that stays
 * connected loses nothing and sees each thread's broadcasts in order, and nothing throws.
 */
class ConcurrencyTest {

  static final int THREADS = 4;
  static final int PER_THREAD = 250;

  @Test
  void noLostMessageToStableSessionsWhileOthersChurn() throws Exception {
    try (SwitchboardServer server = TestServers.builder(new TestEndpoint()).start()) {
      List<WsClient> stable = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        stable.add(WsClient.connect(server.port(), "/test"));
      }
      for (WsClient client : stable) { // every session is open and registered
        client.send("hello");
        assertEquals("Hello, human", client.next());
      }
      AtomicBoolean broadcasting = new AtomicBoolean(true);
      List<CompletableFuture<Void>> churn = new ArrayList<>();
      for (int c = 0; c < 2; c++) {
        churn.add(
            CompletableFuture.runAsync(
                () -> {
                  while (broadcasting.get()) {
                    try (WsClient passing = WsClient.connect(server.port(), "/test")) {
                      passing.send("hello");
                    } catch (Exception e) {
                      throw new AssertionError(e);
                    }
                  }
                }));
      }
      List<CompletableFuture<Void>> senders = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        senders.add(
            CompletableFuture.runAsync(
                () -> {
                  for (int i = 0; i < PER_THREAD; i++) {
                    server.broadcaster("/test").toAll("n", thread + ":" + i);
                  }
                }));
      }
      CompletableFuture.allOf(senders.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
      broadcasting.set(false);
      CompletableFuture.allOf(churn.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

      for (WsClient client : stable) {
        Map<Integer, Integer> nextPerThread = new HashMap<>();
        for (int received = 0; received < THREADS * PER_THREAD; received++) {
          String message = client.next();
          String[] parts = message.replaceAll("^\\{\"event\":\"n\",\"data\":\"|\"}$", "").split(":");
          int thread = Integer.parseInt(parts[0]);
          int index = Integer.parseInt(parts[1]);
          assertEquals(nextPerThread.getOrDefault(thread, 0), index, "order of thread " + thread);
          nextPerThread.put(thread, index + 1);
        }
        client.close();
      }
      assertEquals(0, server.stats().errors());
      assertEquals(0, server.stats().slowConsumerCloses());
    }
  }
}
