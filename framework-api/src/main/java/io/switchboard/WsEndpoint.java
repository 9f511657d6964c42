package io.switchboard;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class as a WebSocket endpoint served at {@link #value()}.
 *
 * <p>The annotation processor generates {@code <Class>_Dispatcher} for it at compile time and
 * registers it for {@link java.util.ServiceLoader}, so the runtime serves it without reflection.
 * The class must be public or package-private, concrete, non-generic and have an accessible
 * no-argument constructor (unless the application registers an instance or factory itself). One
 * instance serves every connection: keep per-connection state in {@link WsSession#attributes()}.
 *
 * <pre>{@code
 * @WsEndpoint("/chat")
 * public class ChatEndpoint {
 *   @WsCommand String hello() { return "Hello, human"; }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface WsEndpoint {
  /**
   * The path, starting with {@code /}, e.g. {@code "/chat"}; unique across the application. A
   * segment in braces is a URI template parameter, {@code "/items/{item}"}, whose value handlers
   * take with {@link PathParam} and find in {@link WsSession#pathParams()}. A literal path wins
   * over a template that also matches it; two templates that could match the same path are a
   * compile error.
   */
  String value();

  /**
   * Subprotocols this endpoint speaks, in order of preference. When a client offers some in
   * {@code Sec-WebSocket-Protocol}, the first of the client's list that appears here is chosen; a
   * client that offers only unknown ones is refused. Empty (the default) accepts any client and
   * selects none.
   */
  String[] subprotocols() default {};
}
