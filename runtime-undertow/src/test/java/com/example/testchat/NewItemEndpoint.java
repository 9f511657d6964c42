package com.example.testchat;

import io.switchboard.WsCommand;
import io.switchboard.WsEndpoint;

/** A literal path that {@link ItemEndpoint}'s template matches too: the literal one wins. */
@WsEndpoint("/items/new")
public class NewItemEndpoint {

  @WsCommand("item")
  String item() {
    return "a new item";
  }
}
