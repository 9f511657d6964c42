package com.example.bench;

import io.switchboard.WsCommand;
import io.switchboard.WsEndpoint;

/**
 * The endpoint the dispatch benchmark calls, through its generated dispatcher and through the
 * databind tree equivalent. The handlers do almost nothing so that the cost measured is the
 * framework's: envelope parsing, payload decoding, the call and the reply encoding.
 */
@WsEndpoint("/desk")
public class OrderDeskEndpoint {

  @WsCommand
  public Ack say(ChatLine line) {
    return new Ack(line.room(), line.text().length());
  }

  @WsCommand
  public Ack place(Order order) {
    return new Ack(order.id(), order.lines().size());
  }
}
