package io.switchboard.bench.fanout;

import com.example.bench.Tick;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.switchboard.Sessions;
import io.switchboard.WsSession;
import io.switchboard.bench.codec.Databind;

/**
 * The baseline: what a server without a shared encoding does, encoding the push separately for
 * each recipient with jackson-databind and sending the resulting String with {@link
 * WsSession#send(String)}. Same JSON, same sessions, same outbound queues as {@link EncodeOnce}.
 */
final class PerRecipientDatabind implements PushMode {

  /** The push envelope as databind sees it. */
  public record Push(String event, Tick data) {}

  private final Sessions sessions;
  private final ObjectWriter writer = Databind.MAPPER.writerFor(Push.class);
  private long encodes;

  PerRecipientDatabind(Sessions sessions) {
    this.sessions = sessions;
  }

  @Override
  public String name() {
    return "databind per recipient";
  }

  @Override
  public void push(Tick tick) throws Exception {
    for (WsSession session : sessions.all()) {
      session.send(writer.writeValueAsString(new Push("tick", tick)));
      encodes++;
    }
  }

  @Override
  public long encodes() {
    return encodes;
  }
}
