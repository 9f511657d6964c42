package io.switchboard.undertow.send;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Holds the writes that start on an IO thread while it works through pipelined requests, until
 * their connection has no more messages to read, so that the replies to a burst of requests
 * leave in one write rather than one system call each. Undertow hands a connection's received
 * frames to its listener one per IO-thread task, queueing the task of the next frame behind the
 * current one; a look queued after that task therefore sees whether the connection read another
 * message meanwhile. A write is started after a look that found no new message, or after {@link
 * #MAX_LOOKS} looks, however many keep coming. IO thread only.
 */
public final class AfterReads implements Runnable {

  /** A connection whose write waits for the end of its reads. */
  public interface HeldWrite {
    /** How many messages the connection has read so far; it may wrap around. */
    int messagesRead();

    /** Starts the write now, unless it was started meanwhile. */
    void startHeldWrite();
  }

  /** Looks a write may wait for while its connection keeps reading: a bound on its delay. */
  static final int MAX_LOOKS = 16;

  private final Executor ioThread;
  // The held writes, with each one's count of messages read at the last look and its looks so far.
  private HeldWrite[] held = new HeldWrite[4];
  private int[] readAtLastLook = new int[4];
  private int[] looks = new int[4];
  private int count;
  private boolean lookScheduled;
  private final ArrayList<HeldWrite> due = new ArrayList<>();

  AfterReads(Executor ioThread) {
    this.ioThread = ioThread;
  }

  /** Starts {@code write} once its connection has read the messages that were waiting. */
  public void hold(HeldWrite write) {
    if (count == held.length) {
      held = Arrays.copyOf(held, count * 2);
      readAtLastLook = Arrays.copyOf(readAtLastLook, count * 2);
      looks = Arrays.copyOf(looks, count * 2);
    }
    held[count] = write;
    // One look more than the count suggests: the next frame's task is queued behind this one.
    readAtLastLook[count] = write.messagesRead() - 1;
    looks[count] = 0;
    count++;
    scheduleLook();
  }

  /** A look: starts the writes whose connection read nothing since the last one. */
  @Override
  public void run() {
    lookScheduled = false;
    int kept = 0;
    for (int i = 0; i < count; i++) {
      HeldWrite write = held[i];
      int read = write.messagesRead();
      if (read != readAtLastLook[i] && looks[i] < MAX_LOOKS) {
        held[kept] = write;
        readAtLastLook[kept] = read;
        looks[kept] = looks[i] + 1;
        kept++;
      } else {
        due.add(write);
      }
    }
    Arrays.fill(held, kept, count, null);
    count = kept;
    if (count > 0) {
      scheduleLook();
    }
    startDue();
  }

  private void startDue() {
    try {
      // Starting a write may hold another one (a connection closed by a failed write runs its
      // @OnClose): that one is added behind the kept ones, for the next look.
      for (HeldWrite write : due) {
        write.startHeldWrite();
      }
    } finally {
      due.clear();
    }
  }

  private void scheduleLook() {
    if (lookScheduled) {
      return;
    }
    lookScheduled = true;
    try {
      ioThread.execute(this);
    } catch (RejectedExecutionException e) {
      // The IO thread is stopping with the server: no reads will follow, write everything now.
      lookScheduled = false;
      HeldWrite[] all = Arrays.copyOf(held, count);
      Arrays.fill(held, 0, count, null);
      count = 0;
      for (HeldWrite write : all) {
        write.startHeldWrite();
      }
    }
  }
}
