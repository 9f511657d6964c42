package io.switchboard.test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The server answered a {@link WsTestClient#call call} with an error reply {@code
 * {"re":id,"cmd":…,"error":{"code":…,"message":…,"path":…}}}. The connection stays open.
 *
 * <pre>{@code
 * ErrorReplyException e = assertThrows(ErrorReplyException.class, () -> client.call("nope", null));
 * assertEquals("unknown_command", e.code());
 * }</pre>
 */
public final class ErrorReplyException extends RuntimeException {

  private final String command;
  private final String code;
  private final String path;
  private final JsonNode reply;

  ErrorReplyException(String command, JsonNode reply) {
    super(describe(command, reply.path("error")));
    JsonNode error = reply.path("error");
    this.command = command;
    this.code = error.path("code").asText();
    this.path = error.hasNonNull("path") ? error.get("path").asText() : null;
    this.reply = reply;
  }

  /** The command that failed. */
  public String command() {
    return command;
  }

  /** The error code: {@code unknown_command}, {@code bad_request}, or the application's own. */
  public String code() {
    return code;
  }

  /** The server's message, meant for people. */
  public String errorMessage() {
    return reply.path("error").path("message").asText();
  }

  /** The JSON path of the offending value ({@code $.text}) for {@code bad_request}, or null. */
  public String path() {
    return path;
  }

  /** The whole reply envelope, as received. */
  public JsonNode reply() {
    return reply;
  }

  private static String describe(String command, JsonNode error) {
    String path = error.hasNonNull("path") ? " at " + error.get("path").asText() : "";
    return command
        + " failed: "
        + error.path("code").asText()
        + path
        + ": "
        + error.path("message").asText();
  }
}
