package com.example.bench;

import io.switchboard.Broadcaster;
import io.switchboard.OnText;
import io.switchboard.WsEndpoint;

/** The comparison's relay: every text message goes to every connection of the server, sender included. */
@WsEndpoint("/relay")
public final class RelayEndpoint {

  @OnText
  void relay(String text, Broadcaster all) {
    all.toAll("relay", text);
  }
}
