package chat;

import io.switchboard.CloseReason;
import io.switchboard.CommandInfo;
import io.switchboard.Every;
import io.switchboard.WsException;
import io.switchboard.json.Codecs;
import io.switchboard.json.JsonCodec;
import io.switchboard.spi.DispatchResult;
import io.switchboard.spi.EndpointDispatcher;
import io.switchboard.spi.HandlerContext;
import io.switchboard.spi.Payload;
import io.switchboard.spi.ScheduledMethod;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Dispatches the commands of {@link ChatEndpoint} to its methods; generated from its annotations.
 */
@Generated("io.switchboard.processor.SwitchboardProcessor")
public final class ChatEndpoint_Dispatcher implements EndpointDispatcher<ChatEndpoint> {
  private static final List<CommandInfo> COMMANDS = List.of(
      new CommandInfo("hello", "ChatEndpoint#hello()", "", false, ""),
      new CommandInfo("name", "ChatEndpoint#rename(WsSession, String)", "String", false, "<String>"),
      new CommandInfo("say", "ChatEndpoint#say(ChatLine, Broadcaster)", "ChatLine", false, "{\"author\":…,\"message\":…,\"likes\":…,\"tags\":…,\"at\":…}"),
      new CommandInfo("history", "ChatEndpoint#history()", "", false, ""));

  private static final List<ScheduledMethod> SCHEDULED = List.of(
      new ScheduledMethod("ChatEndpoint#tick(Broadcaster)", 5000L, Every.Scope.CLUSTER));

  private static final JsonCodec<List<ChatLine>> LIST_OF_CHAT_LINE = Codecs.listOf(ChatLine_JsonCodec.INSTANCE);

  @Override
  public Class<ChatEndpoint> endpointType() {
    return ChatEndpoint.class;
  }

  @Override
  public String path() {
    return "/chat";
  }

  @Override
  public List<String> subprotocols() {
    return List.of();
  }

  @Override
  public List<CommandInfo> commands() {
    return COMMANDS;
  }

  @Override
  public ChatEndpoint newEndpoint() {
    return new ChatEndpoint();
  }

  @Override
  public DispatchResult dispatch(ChatEndpoint endpoint, String command, Payload payload,
      HandlerContext context) throws Exception {
    return switch (command) {
      // ChatEndpoint#hello()
      case "hello" -> DispatchResult.value(endpoint.hello(), Codecs.STRING);
      // ChatEndpoint#rename(WsSession, String)
      case "name" -> DispatchResult.value(endpoint.rename(context.session(), payload.text()),
          Codecs.STRING);
      // ChatEndpoint#say(ChatLine, Broadcaster)
      case "say" -> {
        endpoint.say(payload.read(ChatLine_JsonCodec.INSTANCE), context.broadcaster());
        yield DispatchResult.none();
      }
      // ChatEndpoint#history()
      case "history" -> DispatchResult.value(endpoint.history(), LIST_OF_CHAT_LINE);
      default -> throw WsException.unknownCommand(command);
    };
  }

  @Override
  public JsonCodec<?> payloadCodec(String command) {
    return switch (command) {
      case "say" -> ChatLine_JsonCodec.INSTANCE;
      default -> null;
    };
  }

  @Override
  public boolean handlesOpen() {
    return true;
  }

  @Override
  public void onOpen(ChatEndpoint endpoint, HandlerContext context) throws Exception {
    endpoint.joined(context.session(), context.broadcaster());
  }

  @Override
  public boolean handlesClose() {
    return true;
  }

  @Override
  public void onClose(ChatEndpoint endpoint, CloseReason reason, HandlerContext context) throws
      Exception {
    endpoint.left(context.session(), reason);
  }

  @Override
  public List<ScheduledMethod> scheduled() {
    return SCHEDULED;
  }

  @Override
  public void runScheduled(ChatEndpoint endpoint, int index, HandlerContext context) throws
      Exception {
    switch (index) {
      // ChatEndpoint#tick(Broadcaster)
      case 0 -> endpoint.tick(context.broadcaster());
      default -> throw new IndexOutOfBoundsException(index);
    }
  }
}
