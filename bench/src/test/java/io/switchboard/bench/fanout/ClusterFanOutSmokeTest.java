package io.switchboard.bench.fanout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.bench.fanout.ClusterFanOut.Measured;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cross-node run in miniature: a real {@code redis-server}, the three servers and two client
 * JVMs, 20 subscribers, one short round, the room with history in Redis too. It checks the
 * accounting (every delivery counted, none lost or out of order, one {@code PUBLISH} per cluster
 * broadcast, Redis's CPU read), never a speed.
 */
class ClusterFanOutSmokeTest {

  @Test
  void everyBroadcastReachesEverySubscriberOnBothNodesThroughOnePublish() throws Exception {
    ClusterFanOutOptions options =
        ClusterFanOutOptions.parse(
            "--subscribers", "20", "--rate", "20", "--seconds", "1", "--warmup-seconds", "1",
            "--rounds", "1", "--drain-seconds", "10", "--client-jvm", "-Xmx256m", "--history", "100");

    ClusterFanOut.Result result = ClusterFanOut.run(options);

    List<Measured> phases = new ArrayList<>(result.single());
    phases.addAll(result.cluster());
    phases.addAll(result.history());
    assertEquals(3, phases.size(), "one single-node, one cluster and one cluster-with-history phase");
    for (Measured m : phases) {
      PhaseReport r = m.report();
      assertEquals(20, r.subscribers(), r.scenario());
      assertEquals(20, r.sent().broadcasts(), r.scenario());
      assertEquals(20 * 20, r.received(), r.scenario() + ": every subscriber got every broadcast");
      assertEquals(0, r.lost(), r.scenario());
      assertEquals(0, r.outOfOrder(), r.scenario());
      assertEquals(0, r.stray(), r.scenario());
      assertEquals(0, r.closed(), r.scenario());
      assertTrue(r.complete(), r.scenario());
    }
    Measured cluster = result.cluster().get(0);
    assertEquals(20, cluster.redis().publishes(), "one PUBLISH per broadcast, not per subscriber");
    assertEquals(0, cluster.dropped());
    assertTrue(cluster.redis().cores() >= 0, "Redis's CPU time was read");
  }
}
