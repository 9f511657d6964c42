package io.switchboard.undertow.send;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

/**
 * The IO thread is played by hand: its task queue is a deque run one task at a time, and a
 * connection's next frame is read between two looks, as Undertow's task for it would be.
 */
class AfterReadsTest {

  private final ArrayDeque<Runnable> ioTasks = new ArrayDeque<>();
  private final AfterReads afterReads = new AfterReads(ioTasks::add);

  /** A connection: its count of messages read, and how often its held write was started. */
  private static final class Connection implements AfterReads.HeldWrite {
    int read;
    int started;
    Runnable onStart = () -> {};

    @Override
    public int messagesRead() {
      return read;
    }

    @Override
    public void startHeldWrite() {
      started++;
      onStart.run();
    }
  }

  /** Runs the IO thread's next task, which must be a look. */
  private void look() {
    Runnable task = ioTasks.poll();
    assertTrue(task == afterReads, "a look is queued");
    task.run();
  }

  @Test
  void aWriteWaitsUntilALookFindsNoNewMessage() {
    Connection connection = new Connection();
    connection.read = 1; // the request being answered
    afterReads.hold(connection);
    for (int frame = 2; frame <= 5; frame++) {
      look();
      assertEquals(0, connection.started, "held while frames keep coming");
      connection.read++; // the next frame's task, queued behind the look
    }
    look(); // saw frame 5
    assertEquals(0, connection.started);
    look(); // nothing new
    assertEquals(1, connection.started);
    assertTrue(ioTasks.isEmpty(), "no look left once nothing is held");
  }

  @Test
  void aLoneRequestIsAnsweredAfterTwoLooks() {
    Connection connection = new Connection();
    connection.read = 1;
    afterReads.hold(connection);
    look();
    assertEquals(0, connection.started, "the first look cannot know whether a frame is queued behind it");
    look();
    assertEquals(1, connection.started);
  }

  @Test
  void aConnectionThatNeverStopsSendingIsWrittenAfterTheLastAllowedLook() {
    Connection connection = new Connection();
    afterReads.hold(connection);
    int looks = 0;
    while (connection.started == 0) {
      connection.read++;
      look();
      looks++;
    }
    assertEquals(AfterReads.MAX_LOOKS + 1, looks);
  }

  @Test
  void connectionsAreWrittenEachWhenItsOwnReadsEnd() {
    Connection quiet = new Connection();
    Connection busy = new Connection();
    afterReads.hold(quiet);
    afterReads.hold(busy);
    look();
    busy.read++;
    look();
    assertEquals(1, quiet.started, "not held for the other connection's reads");
    assertEquals(0, busy.started);
    look();
    assertEquals(1, busy.started);
    assertEquals(1, quiet.started, "started once");
  }

  @Test
  void aWriteHeldWhileAnotherStartsWaitsForTheNextLook() {
    Connection first = new Connection();
    Connection second = new Connection();
    first.onStart = () -> afterReads.hold(second); // e.g. a failed write whose @OnClose sends
    afterReads.hold(first);
    look();
    look();
    assertEquals(1, first.started);
    assertEquals(0, second.started);
    look();
    look();
    assertEquals(1, second.started);
  }

  @Test
  void onAStoppedIoThreadEverythingIsWrittenAtOnce() {
    Executor stopped =
        task -> {
          throw new RejectedExecutionException("stopped");
        };
    AfterReads stopping = new AfterReads(stopped);
    Connection connection = new Connection();
    stopping.hold(connection);
    assertEquals(1, connection.started);
  }
}
