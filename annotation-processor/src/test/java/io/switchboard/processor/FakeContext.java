package io.switchboard.processor;

import io.switchboard.Broadcaster;
import io.switchboard.CloseReason;
import io.switchboard.EndpointInfo;
import io.switchboard.Rooms;
import io.switchboard.Sessions;
import io.switchboard.SlowConsumerPolicy;
import io.switchboard.WsSession;
import io.switchboard.spi.HandlerContext;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link HandlerContext} for dispatching without a server: one session, and a broadcaster that
 * records what handlers push instead of sending it.
 */
final class FakeContext implements HandlerContext {

  /** One recorded push. */
  record Push(String target, String event, Object payload) {}

  final List<Push> pushes = new ArrayList<>();
  final FakeSession session = new FakeSession("s1");
  private final EndpointInfo endpoint;

  FakeContext(EndpointInfo endpoint) {
    this.endpoint = endpoint;
  }

  @Override
  public WsSession session() {
    return session;
  }

  @Override
  public Broadcaster broadcaster() {
    return new Broadcaster() {
      @Override
      public int toAll(String event, Object payload) {
        pushes.add(new Push("all", event, payload));
        return 1;
      }

      @Override
      public int toAllExcept(WsSession excluded, String event, Object payload) {
        pushes.add(new Push("all but " + excluded.id(), event, payload));
        return 0;
      }

      @Override
      public int toRoom(String room, String event, Object payload) {
        pushes.add(new Push("room " + room, event, payload));
        return 1;
      }

      @Override
      public int toRoomExcept(String room, WsSession excluded, String event, Object payload) {
        pushes.add(new Push("room " + room + " but " + excluded.id(), event, payload));
        return 0;
      }

      @Override
      public int toSession(String sessionId, String event, Object payload) {
        pushes.add(new Push("session " + sessionId, event, payload));
        return 1;
      }
    };
  }

  @Override
  public Sessions sessions() {
    return new Sessions() {
      @Override
      public Collection<WsSession> all() {
        return List.of(session);
      }

      @Override
      public Optional<WsSession> find(String id) {
        return id.equals(session.id()) ? Optional.of(session) : Optional.empty();
      }

      @Override
      public int count() {
        return 1;
      }
    };
  }

  @Override
  public io.switchboard.Presence presence() {
    throw new UnsupportedOperationException("no test here injects Presence");
  }

  @Override
  public Rooms rooms() {
    return new Rooms() {
      @Override
      public Set<String> names() {
        return session.rooms;
      }

      @Override
      public Collection<WsSession> members(String room) {
        return session.rooms.contains(room) ? List.of(session) : List.of();
      }

      @Override
      public int count(String room) {
        return members(room).size();
      }
    };
  }

  @Override
  public EndpointInfo endpoint() {
    return endpoint;
  }

  /** A session that keeps what it is sent. */
  static final class FakeSession implements WsSession {
    final String id;
    final Map<String, Object> attributes = new ConcurrentHashMap<>();
    final Set<String> rooms = ConcurrentHashMap.newKeySet();
    final List<String> sent = new ArrayList<>();
    CloseReason closedWith;

    FakeSession(String id) {
      this.id = id;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public String path() {
      return "/test";
    }

    @Override
    public InetSocketAddress remoteAddress() {
      return InetSocketAddress.createUnresolved("localhost", 1);
    }

    @Override
    public Optional<Principal> principal() {
      return Optional.empty();
    }

    @Override
    public Optional<String> subprotocol() {
      return Optional.empty();
    }

    @Override
    public Map<String, Object> attributes() {
      return attributes;
    }

    @Override
    public Instant openedAt() {
      return Instant.EPOCH;
    }

    @Override
    public boolean isOpen() {
      return closedWith == null;
    }

    @Override
    public void send(String text) {
      sent.add(text);
    }

    @Override
    public void send(String event, Object payload) {
      sent.add(event + ":" + payload);
    }

    @Override
    public void sendBinary(ByteBuffer data) {
      sent.add("binary " + data.remaining());
    }

    @Override
    public void close(CloseReason reason) {
      closedWith = reason;
    }

    @Override
    public void join(String room) {
      rooms.add(room);
    }

    @Override
    public void leave(String room) {
      rooms.remove(room);
    }

    @Override
    public Set<String> rooms() {
      return Set.copyOf(rooms);
    }

    @Override
    public void slowConsumerPolicy(SlowConsumerPolicy policy) {}
  }
}
