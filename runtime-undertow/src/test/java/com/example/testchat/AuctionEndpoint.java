package com.example.testchat;

import io.switchboard.CloseReason;
import io.switchboard.OnClose;
import io.switchboard.OnOpen;
import io.switchboard.PathParam;
import io.switchboard.WsCommand;
import io.switchboard.WsEndpoint;
import io.switchboard.WsSession;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** A URI template with values of several types, taken by every kind of handler. */
@WsEndpoint("/auctions/{house}/lots/{lot}/{ref}")
public class AuctionEndpoint {

  public enum House { NORTH, SOUTH }

  /** What {@code @OnClose} saw, for the test to read once the session is gone. */
  public final List<String> closed = new CopyOnWriteArrayList<>();

  @OnOpen
  void opened(WsSession session, @PathParam("house") House house, @PathParam("lot") int lot) {
    session.send("opened " + house + " lot " + lot);
  }

  @WsCommand("where")
  String where(@PathParam("house") House house, @PathParam("lot") int lot, @PathParam("ref") UUID ref) {
    return house + "/" + lot + "/" + ref;
  }

  @WsCommand("bid")
  String bid(BigDecimal amount, @PathParam("lot") Integer lot) {
    return amount + " on lot " + lot;
  }

  @WsCommand("values")
  String values(WsSession session) {
    return session.path() + " " + new java.util.TreeMap<>(session.pathParams());
  }

  @OnClose
  void left(CloseReason reason, @PathParam("lot") int lot) {
    closed.add("lot " + lot + " " + reason.code());
  }
}
