package io.switchboard.undertow.schedule;

import io.switchboard.Every;
import io.switchboard.spi.ScheduledMethod;
import io.switchboard.undertow.cluster.ClusterBus;
import io.switchboard.undertow.dispatch.EndpointRuntime;
import io.switchboard.undertow.stats.StatsCounters;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@code @Every} methods: a timer thread ticks each one at its period and hands the call
 * to the worker pool, so a slow method delays nothing else. A method still running at its next
 * tick skips that tick (runs never overlap); an exception is logged and the schedule goes on.
 * The first run comes one period after start; {@link #stop()} ends every schedule.
 *
 * <p>A cluster-scoped method runs only on the node that holds its lease on the cluster bus, so
 * that its pushes reach each client once; a node that hears no other node (the bus is down) runs
 * it for its own sessions only. A node-scoped method runs on every node with a broadcaster that
 * reaches that node's sessions only.
 */
public final class EveryScheduler {

  private static final Logger LOG = LoggerFactory.getLogger(EveryScheduler.class);

  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "switchboard-every");
            thread.setDaemon(true);
            return thread;
          });
  private final Executor workers;
  private final StatsCounters stats;
  private final ClusterBus bus;
  private final List<String> leases = new CopyOnWriteArrayList<>();
  private volatile boolean stopped;

  public EveryScheduler(Executor workers, StatsCounters stats, ClusterBus bus) {
    this.workers = workers;
    this.stats = stats;
    this.bus = bus;
  }

  public void start(List<EndpointRuntime<?>> endpoints) {
    for (EndpointRuntime<?> endpoint : endpoints) {
      List<ScheduledMethod> methods = endpoint.dispatcher().scheduled();
      for (int i = 0; i < methods.size(); i++) {
        schedule(endpoint, i, methods.get(i));
      }
    }
  }

  private void schedule(EndpointRuntime<?> endpoint, int index, ScheduledMethod method) {
    AtomicBoolean running = new AtomicBoolean();
    // Named after the method, not its position: nodes of two versions agree during a rolling deploy.
    String lease = "every:" + endpoint.path() + "#" + method.handler();
    boolean clusterWide = method.scope() == Every.Scope.CLUSTER;
    if (clusterWide) {
      leases.add(lease);
      bus.holdsLease(lease); // starts contending for it now, not at the first tick
    }
    Runnable run =
        () -> {
          try {
            // Decided again here, not at the tick: the run may start late on a busy pool.
            Reach reach = clusterWide ? reachNow(lease) : Reach.THIS_NODE;
            if (!stopped && reach != Reach.NONE) {
              endpoint.runScheduled(index, reach == Reach.THIS_NODE);
            }
          } catch (Throwable e) {
            stats.error();
            LOG.error("@Every method {} failed; it runs again at its next tick", method.handler(), e);
          } finally {
            running.set(false);
          }
        };
    timer.scheduleAtFixedRate(
        () -> {
          if (stopped || (clusterWide && reachNow(lease) == Reach.NONE)) {
            return;
          }
          if (!running.compareAndSet(false, true)) {
            LOG.debug("{} still running, skipping a tick", method.handler());
            return;
          }
          try {
            workers.execute(run);
          } catch (RuntimeException e) { // the pool is shutting down
            running.set(false);
          }
        },
        method.periodMillis(),
        method.periodMillis(),
        TimeUnit.MILLISECONDS);
    LOG.debug("scheduled {} every {} ms", method.handler(), method.periodMillis());
  }

  /** Whose sessions a run on this node pushes to. */
  private enum Reach {
    CLUSTER,
    THIS_NODE,
    NONE
  }

  /**
   * Where a cluster-wide method runs from this node now: for the whole cluster while this node
   * holds its lease; for this node's sessions only while no other node's pushes reach this one, so
   * that they miss nothing and get nothing twice; else not here.
   */
  private Reach reachNow(String lease) {
    if (bus.holdsLease(lease)) {
      return Reach.CLUSTER;
    }
    return bus.hearsOtherNodes() ? Reach.NONE : Reach.THIS_NODE;
  }

  /** Ends every schedule and gives the leases back, so that another node takes over at once. */
  public void stop() {
    stopped = true;
    timer.shutdownNow();
    leases.forEach(bus::releaseLease);
  }
}
