package io.switchboard;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A handler parameter that receives one value of the endpoint's URI template: with {@code
 * @WsEndpoint("/items/{item}")}, a connection to {@code /items/lamp} gives {@code "lamp"} to
 * {@code @PathParam("item") String item}.
 *
 * <pre>{@code
 * @WsEndpoint("/items/{item}")
 * public class AuctionEndpoint {
 *   @OnOpen void joined(@PathParam("item") String item, WsSession session) { session.join(item); }
 *   @WsCommand("bid") Bid bid(Bid bid, @PathParam("item") String item) { … }
 * }
 * }</pre>
 *
 * <p>It goes on a parameter of any handler but {@link Every} (which runs for no connection). The
 * type is {@code String} or any type a text-line argument can be: a primitive or its box, {@code
 * BigDecimal}, {@code BigInteger}, an enum (by its JSON name), {@code UUID}, a {@code java.time}
 * type. A value that does not convert to it answers the upgrade with 404, as an unknown path does.
 * The name must be one of the template's, or the processor reports {@code SwUnknownPathParam}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface PathParam {
  /** The name in the template, without braces: {@code "item"} for {@code {item}}. */
  String value();
}
