package io.switchboard.undertow.testing;

import io.switchboard.CloseReason;
import io.switchboard.CommandInfo;
import io.switchboard.json.Codecs;
import io.switchboard.spi.DispatchResult;
import io.switchboard.spi.EndpointDispatcher;
import io.switchboard.spi.HandlerContext;
import io.switchboard.spi.Payload;
import io.switchboard.spi.ScheduledMethod;
import io.switchboard.WsException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * A dispatcher written by hand the way the processor generates one: a switch on the command name
 * calling {@link TestEndpoint} directly.
 */
public final class TestDispatcher implements EndpointDispatcher<TestEndpoint> {

  private final String path;
  private final List<String> subprotocols;
  private final boolean binary;
  private final long tickMillis;

  public TestDispatcher(String path, List<String> subprotocols, boolean binary, long tickMillis) {
    this.path = path;
    this.subprotocols = subprotocols;
    this.binary = binary;
    this.tickMillis = tickMillis;
  }

  /** {@code /test}, no subprotocols, binary handled, no schedule. */
  public TestDispatcher() {
    this("/test", List.of(), true, 0);
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public List<CommandInfo> commands() {
    return List.of(
        new CommandInfo("hello", "TestEndpoint#hello()", "", false),
        new CommandInfo("name", "TestEndpoint#name(String)", "String", false),
        new CommandInfo("add", "TestEndpoint#add(Pair)", "Pair", false),
        new CommandInfo("swap", "TestEndpoint#swap(Pair)", "Pair", false),
        new CommandInfo("crash", "TestEndpoint#crash()", "", false),
        new CommandInfo("taken", "TestEndpoint#taken()", "", false),
        new CommandInfo("block", "TestEndpoint#block()", "", false),
        new CommandInfo("later", "TestEndpoint#later(int)", "int", false),
        new CommandInfo("pending", "TestEndpoint#pending()", "", false),
        new CommandInfo("touch", "TestEndpoint#touch()", "", false),
        new CommandInfo("echoInt", "TestEndpoint#echoInt(int)", "int", true),
        new CommandInfo("join", "TestEndpoint#join(WsSession, String)", "String", false),
        new CommandInfo("leave", "TestEndpoint#leave(WsSession, String)", "String", false),
        new CommandInfo("shout", "TestEndpoint#shout(WsSession, Broadcaster, String)", "String", false),
        new CommandInfo("whoami", "TestEndpoint#whoami(WsSession)", "", true),
        new CommandInfo("lossy", "TestEndpoint#lossy(WsSession)", "", false),
        new CommandInfo("ioThread", "TestEndpoint#thread()", "", true),
        new CommandInfo("workerThread", "TestEndpoint#thread()", "", false),
        new CommandInfo("stopServer", "TestEndpoint#stopServer()", "", false));
  }

  @Override
  public Class<TestEndpoint> endpointType() {
    return TestEndpoint.class;
  }

  @Override
  public List<String> subprotocols() {
    return subprotocols;
  }

  @Override
  public TestEndpoint newEndpoint() {
    return new TestEndpoint();
  }

  @Override
  public DispatchResult dispatch(
      TestEndpoint endpoint, String command, Payload payload, HandlerContext context)
      throws Exception {
    return switch (command) {
      case "hello" -> DispatchResult.value(endpoint.hello(), Codecs.STRING);
      case "name" -> DispatchResult.value(endpoint.name(payload.text()), Codecs.STRING);
      case "add" -> DispatchResult.value(endpoint.add(payload.read(TestCodecs.PAIR)), TestCodecs.INT);
      case "swap" -> DispatchResult.value(endpoint.swap(payload.read(TestCodecs.PAIR)), TestCodecs.PAIR);
      case "crash" -> {
        endpoint.crash();
        yield DispatchResult.none();
      }
      case "taken" -> {
        endpoint.taken();
        yield DispatchResult.none();
      }
      case "block" -> DispatchResult.value(endpoint.block(), Codecs.STRING);
      case "later" -> DispatchResult.async(endpoint.later(payload.read(TestCodecs.INT)), Codecs.STRING);
      case "pending" -> DispatchResult.async(endpoint.pending(), Codecs.STRING);
      case "touch" -> {
        endpoint.touch();
        yield DispatchResult.none();
      }
      case "echoInt" -> DispatchResult.value(endpoint.echoInt(payload.read(TestCodecs.INT)), TestCodecs.INT);
      case "join" -> {
        endpoint.join(context.session(), payload.text());
        yield DispatchResult.none();
      }
      case "leave" -> {
        endpoint.leave(context.session(), payload.text());
        yield DispatchResult.none();
      }
      case "shout" -> {
        endpoint.shout(context.session(), context.broadcaster(), payload.text());
        yield DispatchResult.none();
      }
      case "whoami" -> DispatchResult.value(endpoint.whoami(context.session()), Codecs.STRING);
      case "lossy" -> {
        endpoint.lossy(context.session());
        yield DispatchResult.none();
      }
      case "ioThread", "workerThread" -> DispatchResult.value(endpoint.thread(), Codecs.STRING);
      case "stopServer" -> {
        endpoint.stopServer();
        yield DispatchResult.none();
      }
      default -> throw WsException.unknownCommand(command);
    };
  }

  @Override
  public boolean handlesBinary() {
    return binary;
  }

  @Override
  public ByteBuffer onBinary(TestEndpoint endpoint, ByteBuffer data, HandlerContext context) {
    return endpoint.reverse(data);
  }

  @Override
  public boolean handlesOpen() {
    return true;
  }

  @Override
  public void onOpen(TestEndpoint endpoint, HandlerContext context) {
    endpoint.onOpen(context.session());
  }

  @Override
  public boolean handlesClose() {
    return true;
  }

  @Override
  public void onClose(TestEndpoint endpoint, CloseReason reason, HandlerContext context) {
    endpoint.onClose(reason);
  }

  @Override
  public boolean handlesErrors() {
    return true;
  }

  @Override
  public boolean onError(TestEndpoint endpoint, Throwable error, HandlerContext context) {
    endpoint.onError(error);
    return true;
  }

  @Override
  public List<ScheduledMethod> scheduled() {
    return tickMillis > 0 ? List.of(new ScheduledMethod("TestEndpoint#tick(Broadcaster)", tickMillis)) : List.of();
  }

  @Override
  public void runScheduled(TestEndpoint endpoint, int index, HandlerContext context)
      throws InterruptedException {
    endpoint.tick(context.broadcaster());
  }
}
