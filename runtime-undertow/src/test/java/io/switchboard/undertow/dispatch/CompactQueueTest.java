package io.switchboard.undertow.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CompactQueueTest {

  @Test
  void keepsFirstInFirstOutAcrossItsFieldAndItsArray() {
    CompactQueue<Integer> queue = new CompactQueue<>();
    assertTrue(queue.isEmpty());
    assertNull(queue.poll());
    queue.add(1);
    assertEquals(1, queue.peek());
    assertEquals(1, queue.poll());
    assertTrue(queue.isEmpty());
    for (int i = 0; i < 5; i++) {
      queue.add(i);
    }
    assertEquals(0, queue.poll());
    queue.add(5);
    for (int i = 1; i <= 5; i++) {
      assertEquals(i, queue.peek());
      assertEquals(i, queue.poll());
    }
    assertNull(queue.peek());
    assertTrue(queue.isEmpty());
  }
}
