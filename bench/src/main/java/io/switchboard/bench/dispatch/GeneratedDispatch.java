package io.switchboard.bench.dispatch;

import com.example.bench.OrderDeskEndpoint;
import com.example.bench.OrderDeskEndpoint_Dispatcher;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.switchboard.Broadcaster;
import io.switchboard.EndpointInfo;
import io.switchboard.Presence;
import io.switchboard.Rooms;
import io.switchboard.Sessions;
import io.switchboard.WsSession;
import io.switchboard.json.Json;
import io.switchboard.json.JsonCodec;
import io.switchboard.spi.DispatchResult;
import io.switchboard.spi.Envelope;
import io.switchboard.spi.HandlerContext;
import io.switchboard.spi.Payload;
import java.io.IOException;
import java.util.function.Function;

/**
 * The Switchboard path for one request, as the runtime takes it minus the network: {@link
 * Envelope#parse}, the generated {@code OrderDeskEndpoint_Dispatcher}, and the reply envelope
 * written with the reply's generated codec.
 */
final class GeneratedDispatch {

  private final OrderDeskEndpoint_Dispatcher dispatcher = new OrderDeskEndpoint_Dispatcher();
  private final Function<String, JsonCodec<?>> payloadCodecs = dispatcher::payloadCodec;
  private final OrderDeskEndpoint endpoint;
  private final HandlerContext context = new Unconnected(dispatcher);

  GeneratedDispatch(OrderDeskEndpoint endpoint) {
    this.endpoint = endpoint;
  }

  /**
   * Handles one request envelope and returns the reply envelope as UTF-8 JSON; the envelope is
   * parsed as the runtime parses it, decoding the command's {@code data} on the way.
   */
  byte[] handle(String message) throws Exception {
    Envelope request = Envelope.parse(message, payloadCodecs);
    Payload payload = request.payload();
    DispatchResult result = dispatcher.dispatch(endpoint, request.command(), payload, context);
    return reply(request, result.value(), result.codec());
  }

  private static <T> byte[] reply(Envelope request, T value, JsonCodec<T> codec) throws IOException {
    try (ByteArrayBuilder out = new ByteArrayBuilder(Json.FACTORY._getBufferRecycler());
        JsonGenerator generator = Json.FACTORY.createGenerator(out)) {
      generator.writeStartObject();
      generator.writeFieldName("re");
      if (request.id() instanceof Long id) {
        generator.writeNumber(id);
      } else {
        generator.writeString((String) request.id());
      }
      generator.writeStringField("cmd", request.command());
      generator.writeFieldName("data");
      codec.write(generator, value);
      generator.writeEndObject();
      generator.flush();
      return out.getClearAndRelease();
    }
  }

  /** The benchmark's handlers take no session or broadcaster, so no connection stands behind. */
  private record Unconnected(EndpointInfo endpoint) implements HandlerContext {
    @Override
    public WsSession session() {
      throw unconnected();
    }

    @Override
    public Broadcaster broadcaster() {
      throw unconnected();
    }

    @Override
    public Sessions sessions() {
      throw unconnected();
    }

    @Override
    public Rooms rooms() {
      throw unconnected();
    }

    @Override
    public Presence presence() {
      throw unconnected();
    }

    private static IllegalStateException unconnected() {
      return new IllegalStateException("the dispatch benchmark runs without a connection");
    }
  }
}
