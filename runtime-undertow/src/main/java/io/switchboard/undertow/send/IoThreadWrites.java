package io.switchboard.undertow.send;

import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Hands writes started on other threads (a broadcast, a worker's reply) to the IO thread that owns
 * the connections, in batches: the writes added while the IO thread works through one batch
 * form the next, so a broadcast to a thousand sessions schedules each IO thread a few times (about
 * twice, counted in the bench on two cores), not hundreds of times, and every write runs on its
 * own IO thread with no further hop.
 */
public final class IoThreadWrites implements Runnable {

  /** Something with one write waiting to be started on its IO thread. */
  public interface PendingWrite {
    void startWrite();
  }

  /** One batcher per IO thread, shared by the sessions on it. */
  public static final class PerThread {
    private final Map<Executor, IoThreadWrites> batches = new ConcurrentHashMap<>();

    public IoThreadWrites of(Executor ioThread) {
      return batches.computeIfAbsent(ioThread, IoThreadWrites::new);
    }
  }

  private final Executor ioThread;
  private final AfterReads afterReads;
  private ArrayList<PendingWrite> pending = new ArrayList<>(); // guarded by this
  private ArrayList<PendingWrite> spare = new ArrayList<>(); // IO thread only, between runs
  private boolean scheduled; // guarded by this

  private IoThreadWrites(Executor ioThread) {
    this.ioThread = ioThread;
    this.afterReads = new AfterReads(ioThread);
  }

  /** Where the writes started on this IO thread itself wait for the end of its reads. */
  public AfterReads afterReads() {
    return afterReads;
  }

  /** Starts {@code write} on the IO thread, with whatever else is waiting for it. */
  public void add(PendingWrite write) {
    boolean schedule;
    synchronized (this) {
      pending.add(write);
      schedule = !scheduled;
      scheduled = true;
    }
    if (schedule) {
      ioThread.execute(this);
    }
  }

  @Override
  public void run() {
    ArrayList<PendingWrite> batch;
    synchronized (this) {
      batch = pending;
      pending = spare;
      scheduled = false;
    }
    try {
      for (PendingWrite write : batch) {
        write.startWrite();
      }
    } finally {
      batch.clear();
      spare = batch; // runs are sequential on the one IO thread, so the swap is safe
    }
  }
}
