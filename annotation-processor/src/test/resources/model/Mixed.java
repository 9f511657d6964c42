package model;

import io.switchboard.WsMessage;

/** A setter declared before its getter, one of another type, and a field with a setter. */
@WsMessage
public class Mixed {
  public String label;
  private int size;
  private String kind = "none";

  public void setLabel(String label) {
    this.label = label == null ? null : label.trim();
  }

  public void setSize(int size) {
    if (size < 0) {
      throw new IllegalArgumentException("size must not be negative");
    }
    this.size = size;
  }

  public int getSize() {
    return size;
  }

  public void setKind(int code) {
    this.kind = "code " + code;
  }

  public String getKind() {
    return kind;
  }
}
