package com.example.testchat;

import io.switchboard.PathParam;
import io.switchboard.WsCommand;
import io.switchboard.WsEndpoint;

/** A one-segment template of String values, next to the literal {@link NewItemEndpoint}. */
@WsEndpoint("/items/{item}")
public class ItemEndpoint {

  @WsCommand("item")
  String item(@PathParam("item") String item) {
    return "item " + item;
  }
}
