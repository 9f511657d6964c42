package io.switchboard;

/**
 * A WebSocket close code (RFC 6455, section 7.4) and reason.
 *
 * @param code the close code, 1000-4999
 * @param reason a short reason, at most 123 UTF-8 bytes; may be empty
 */
public record CloseReason(int code, String reason) {

  public static final int NORMAL_CLOSURE = 1000;
  public static final int GOING_AWAY = 1001;
  public static final int PROTOCOL_ERROR = 1002;
  public static final int UNSUPPORTED_DATA = 1003;
  public static final int NO_STATUS_RECEIVED = 1005;
  public static final int ABNORMAL_CLOSURE = 1006;
  public static final int INVALID_PAYLOAD = 1007;
  public static final int POLICY_VIOLATION = 1008;
  public static final int MESSAGE_TOO_BIG = 1009;
  public static final int INTERNAL_ERROR = 1011;
  public static final int TRY_AGAIN_LATER = 1013;

  /** 1000, the normal end of a conversation. */
  public static final CloseReason NORMAL = new CloseReason(NORMAL_CLOSURE, "");

  public CloseReason {
    if (code < 1000 || code > 4999) {
      throw new IllegalArgumentException("close code out of range 1000-4999: " + code);
    }
    reason = reason == null ? "" : reason;
  }

  /** Whether this is 1000 or 1001, which a reconnecting client should take as final. */
  public boolean isNormal() {
    return code == NORMAL_CLOSURE || code == GOING_AWAY;
  }
}
