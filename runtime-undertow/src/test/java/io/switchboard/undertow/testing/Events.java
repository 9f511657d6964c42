package io.switchboard.undertow.testing;

/** Reading pushes: {@code {"event":name,"data":…}}. */
public final class Events {

  private Events() {}

  /** The next push of {@code event} this client gets, skipping other events; returns it whole. */
  public static String next(WsClient client, String event) throws InterruptedException {
    String prefix = "{\"event\":\"" + event + "\"";
    for (; ; ) {
      String message = client.next();
      if (message.startsWith(prefix)) {
        return message;
      }
      if (!message.startsWith("{\"event\":")) {
        throw new AssertionError("expected a push of " + event + ", got " + message);
      }
    }
  }
}
