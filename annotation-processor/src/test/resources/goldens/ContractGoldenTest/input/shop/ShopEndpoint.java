package shop;

import io.switchboard.Broadcaster;
import io.switchboard.Event;
import io.switchboard.PathParam;
import io.switchboard.WsCommand;
import io.switchboard.WsEndpoint;
import io.switchboard.WsSession;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The auctions of one shop: bids come in, prices go out. */
@WsEndpoint("/shops/{shop}")
public class ShopEndpoint {

  /** To everyone in the shop: the new highest bid. */
  static final Event<Bid> OUTBID = Event.of("outbid");

  static final Event<Map<String, BigDecimal>> PRICES = Event.of("price-list");

  /** Places a bid; the reply says whether it leads. */
  @WsCommand
  Standing bid(Bid bid, @PathParam("shop") String shop, Broadcaster all) {
    all.toAll(OUTBID, bid);
    return new Standing(true, Standing.Level.LEADING, null);
  }

  /** The items on sale, by {@code id}. */
  @WsCommand("items")
  CompletionStage<List<Item>> items() {
    return CompletableFuture.completedFuture(List.of());
  }

  @WsCommand
  void watch(String item, WsSession session) {}

  @WsCommand
  CompletionStage<Void> ping() {
    return CompletableFuture.completedFuture(null);
  }
}
