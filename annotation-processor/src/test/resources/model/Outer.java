package model;

import io.switchboard.WsMessage;

public class Outer {
  @WsMessage
  public record Inner(int value) {}
}
