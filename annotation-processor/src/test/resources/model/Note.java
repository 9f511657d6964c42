package model;

import io.switchboard.WsMessage;

@WsMessage
public record Note(String text) {
  public Note {
    if (text != null && text.isBlank()) {
      throw new IllegalArgumentException("a note needs some text");
    }
  }
}
