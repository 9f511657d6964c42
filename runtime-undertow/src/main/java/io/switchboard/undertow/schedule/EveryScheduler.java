package io.switchboard.undertow.schedule;

import io.switchboard.Every;
import io.switchboard.spi.ScheduledMethod;
import io.switchboard.undertow.cluster.ClusterBus;
import io.switchboard.undertow.dispatch.EndpointRuntime;
import io.switchboard.undertow.stats.StatsCounters;
import java.util.List;
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
 * that its pushes reach each client once; while the bus is disconnected every node runs it for
 * its own sessions (its pushes cannot reach other nodes then). A node-scoped method runs on every
 * node with a broadcaster that reaches that node's sessions only.
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
    String lease = "every:" + endpoint.path() + "#" + index;
    boolean clusterWide = method.scope() == Every.Scope.CLUSTER;
    if (clusterWide) {
      bus.holdsLease(lease); // starts contending for it now, not at the first tick
    }
    Runnable run =
        () -> {
          try {
            if (!stopped) {
              endpoint.runScheduled(index);
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
          if (stopped || (clusterWide && bus.connected() && !bus.holdsLease(lease))) {
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

  public void stop() {
    stopped = true;
    timer.shutdownNow();
  }
}
