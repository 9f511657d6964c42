package io.switchboard;

/**
 * Thrown by a handler to answer with an error reply
 * {@code {"re":id,"cmd":…,"error":{"code":code,"message":message}}}; the connection stays up.
 * Codes are short snake_case strings; the built-in ones are constants here, and applications add
 * their own ({@code "name_taken"}).
 */
public class WsException extends RuntimeException {

  /** No handler for the command. */
  public static final String UNKNOWN_COMMAND = "unknown_command";
  /** The payload could not be decoded: malformed JSON, a wrong type, a missing field. */
  public static final String BAD_REQUEST = "bad_request";
  /** The handler failed; the details stay in the server log. */
  public static final String INTERNAL = "internal";
  /** The session sends faster than its rate limit allows. */
  public static final String RATE_LIMITED = "rate_limited";

  private final String code;
  private final String path;

  /** An error reply with an application code and a message shown to the client. */
  public WsException(String code, String message) {
    this(code, message, null, true);
  }

  /**
   * @param path the JSON path ({@code $.items[2].price}) of the offending value, or null
   * @param stackTrace false for errors used as expected control flow, which need none
   */
  protected WsException(String code, String message, String path, boolean stackTrace) {
    super(message, null, false, stackTrace);
    if (code == null || code.isBlank()) {
      throw new IllegalArgumentException("error code must not be blank");
    }
    this.code = code;
    this.path = path;
  }

  /** The error code sent to the client. */
  public String code() {
    return code;
  }

  /** The JSON path of the offending value for {@code bad_request} errors, or null. */
  public String path() {
    return path;
  }

  /** The reply to a command that no handler takes. */
  public static WsException unknownCommand(String command) {
    return new WsException(UNKNOWN_COMMAND, "unknown command \"" + command + "\"", null, false);
  }

  /** A {@code bad_request} about the value at {@code path}. */
  public static WsException badRequest(String path, String message) {
    return new WsException(BAD_REQUEST, message, path, false);
  }
}
