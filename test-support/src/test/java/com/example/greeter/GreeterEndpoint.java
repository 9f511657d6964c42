package com.example.greeter;

import io.switchboard.Broadcaster;
import io.switchboard.CloseReason;
import io.switchboard.Every;
import io.switchboard.WsCommand;
import io.switchboard.WsEndpoint;
import io.switchboard.WsException;
import io.switchboard.WsMessage;
import io.switchboard.WsSession;
import java.math.BigDecimal;
import java.math.BigInteger;

/** A small app endpoint for the tests of the test support, compiled with the processor. */
@WsEndpoint(
    value = "/greeter",
    subprotocols = {"greeter.v2", "greeter.v1"})
public class GreeterEndpoint {

  @WsCommand("hello")
  String hello() {
    return "Hello, human";
  }

  /** A JSON payload and reply; an application error code for a blank name. */
  @WsCommand("greet")
  Greeting greet(Person person) {
    if (person.name().isBlank()) {
      throw new WsException("no_name", "tell me your name");
    }
    return new Greeting("Hello, " + person.name());
  }

  /** Who the handshake hook says is calling ({@link GreeterApp#identify}). */
  @WsCommand("whoami")
  String whoami(WsSession session) {
    return String.valueOf(session.attributes().getOrDefault("user", "nobody"));
  }

  /** A push to everyone but the sender. */
  @WsCommand("shout")
  void shout(Shout shout, WsSession sender, Broadcaster everyone) {
    everyone.toAllExcept(sender, "shouted", shout);
  }

  /** Says goodbye, then closes: the text goes out first, as sends keep their order. */
  @WsCommand("bye")
  void bye(WsSession session) {
    session.send("Goodbye");
    session.close(new CloseReason(CloseReason.NORMAL_CLOSURE, "bye"));
  }

  /** Pushes with no client trigger, fast enough for a test to wait for. */
  @Every("200ms")
  void tick(Broadcaster everyone) {
    everyone.toAll("tick", new Tick(System.currentTimeMillis()));
  }

  /** Echoes a bid as the server decoded it: for the exactness of numbers, both ways. */
  @WsCommand("bid")
  Bid bid(Bid bid) {
    return bid;
  }

  /** The amount as the server's BigDecimal prints it: what the client sent, nothing in between. */
  @WsCommand("amount")
  String amount(Bid bid) {
    return bid.amount().toString();
  }

  @WsCommand("twice")
  BigInteger twice(BigInteger n) {
    return n.shiftLeft(1);
  }

  public record Bid(String item, BigDecimal amount) {}

  public record Person(String name) {}

  public record Greeting(String greeting) {}

  public record Shout(String text) {}

  @WsMessage
  public record Tick(long millis) {}
}
