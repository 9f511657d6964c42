package io.switchboard;

/** What the server does with a session whose bounded outbound queue is full. */
public enum SlowConsumerPolicy {
  /**
   * The default: close the session (code 1008, reason {@code "slow consumer"}) so it never grows
   * server memory nor delays anyone else; the client may reconnect and catch up.
   */
  CLOSE,
  /**
   * Drop the oldest queued pushes (never replies, never a message already being written) to make
   * room. For lossy feeds where only the latest value matters.
   */
  DROP_OLDEST
}
