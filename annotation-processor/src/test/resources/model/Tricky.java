package model;

import io.switchboard.WsMessage;

/** Components named like the generated code's own locals and constants. */
@WsMessage
public record Tricky(String parser, int member, String value, String instance, String hasParser, String refusal) {}
