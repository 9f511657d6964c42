package io.switchboard.undertow.dispatch;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs one session's tasks one at a time, in submission order, on a shared worker pool, or on the
 * submitting IO thread for non-blocking commands when nothing is ahead of them. A session with a
 * long backlog yields the worker after a batch so that other sessions are served too.
 */
final class OrderedExecutor {

  private static final int BATCH = 32;

  private final Executor workers;
  private final CompactQueue<Runnable> tasks = new CompactQueue<>(); // guarded by this
  private boolean active; // guarded by this: a thread runs or is about to run tasks

  OrderedExecutor(Executor workers) {
    this.workers = workers;
  }

  /**
   * Runs {@code task} after every task submitted before it.
   *
   * @param inline whether it may run right here, on the caller's thread, if nothing is ahead
   */
  void execute(Runnable task, boolean inline) {
    synchronized (this) {
      if (active) {
        tasks.add(task);
        return;
      }
      active = true;
      if (!inline) {
        tasks.add(task);
      }
    }
    if (inline) {
      task.run();
      synchronized (this) {
        if (tasks.isEmpty()) {
          active = false;
          return;
        }
      }
    }
    handOver();
  }

  private void drain() {
    for (int i = 0; i < BATCH; i++) {
      Runnable task;
      synchronized (this) {
        task = tasks.poll();
        if (task == null) {
          active = false;
          return;
        }
      }
      task.run();
    }
    handOver();
  }

  /**
   * Continues on the pool; when the pool is already shut down (a connection closing as the server
   * stops), right here, so that {@code @OnClose} still runs.
   */
  private void handOver() {
    try {
      workers.execute(this::drain);
    } catch (RejectedExecutionException e) {
      drain();
    }
  }
}
