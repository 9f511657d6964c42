package io.switchboard.undertow.dispatch;

import java.util.ArrayDeque;

/**
 * A FIFO queue that keeps its oldest element in a field and makes an array only when a second one
 * waits behind it: most sessions never have two tasks or replies waiting, and an idle session
 * should not carry an empty deque for each. Not thread-safe; its owners lock around it.
 */
final class CompactQueue<T> {

  private T head; // null only when the queue is empty
  private ArrayDeque<T> rest; // what waits behind head; created on first need

  void add(T element) {
    if (head == null) {
      head = element;
      return;
    }
    if (rest == null) {
      rest = new ArrayDeque<>();
    }
    rest.add(element);
  }

  /** The oldest element, or null when empty. */
  T peek() {
    return head;
  }

  /** Removes and returns the oldest element, or null when empty. */
  T poll() {
    T first = head;
    head = rest == null ? null : rest.poll();
    return first;
  }

  boolean isEmpty() {
    return head == null;
  }

  int size() {
    return head == null ? 0 : 1 + (rest == null ? 0 : rest.size());
  }
}
