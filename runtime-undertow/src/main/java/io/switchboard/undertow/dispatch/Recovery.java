package io.switchboard.undertow.dispatch;

import io.switchboard.CloseReason;
import io.switchboard.undertow.StatusCodes;
import io.switchboard.undertow.broadcast.RoomRegistry;
import io.switchboard.undertow.send.OutboundMessage;
import io.switchboard.undertow.session.ServerSession;
import io.switchboard.undertow.wire.RecoveryRequest;
import io.switchboard.undertow.wire.SessionFrame;
import java.security.Principal;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Session recovery for one endpoint ({@code docs/broadcast.md}, "History and recovery"). A session
 * whose client asked for it and whose connection dropped without a close (1006, or no pong) is kept
 * away for the recovery window instead of closed: out of its rooms' member lists, but with its
 * room names, join offsets, presence entry and claims, and the direct messages sent to it. A new
 * connection that presents its token within the window takes it over: same id, rooms and presence,
 * the pushes it missed replayed in order, and no {@code @OnOpen}. When the window passes, the
 * session closes as it would have: {@code @OnClose} with 1006.
 */
final class Recovery<E> {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Duration window;
  private final int maxDirect;
  private final Consumer<SessionPipeline<E>> expire;
  private final Map<String, AwaySession<E>> byToken = new ConcurrentHashMap<>();
  private final Map<String, AwaySession<E>> bySession = new ConcurrentHashMap<>();

  /** @param expire closes a session whose window passed, as a dropped connection closes */
  Recovery(Duration window, int maxDirect, Consumer<SessionPipeline<E>> expire) {
    this.window = window;
    this.maxDirect = maxDirect;
    this.expire = expire;
  }

  /** A new, unguessable token (128 random bits). */
  static String newToken() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Whether a connection of {@code other} may recover a session of {@code principal}: the same user, or none both times. */
  static boolean samePrincipal(Principal principal, Principal other) {
    return principal == null ? other == null : other != null && java.util.Objects.equals(principal.getName(), other.getName());
  }

  /** Whether a session that ended for {@code reason} is kept for its client: a dropped connection. */
  boolean keeps(SessionPipeline<E> pipeline, CloseReason reason) {
    return pipeline.recoveryToken() != null
        && !window.isZero()
        && (reason.equals(StatusCodes.CONNECTION_LOST) || reason.equals(StatusCodes.HEARTBEAT_TIMEOUT));
  }

  /** Keeps a session whose connection dropped, until it is recovered or the window passes. */
  void keepAway(SessionPipeline<E> pipeline, Principal principal) {
    AwaySession<E> away = new AwaySession<>(pipeline, principal, maxDirect);
    bySession.put(away.session().id(), away);
    byToken.put(away.token(), away);
    try {
      away.session().channel().getIoThread()
          .executeAfter(() -> expire(away), window.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      expire(away); // the server is stopping
    }
  }

  /** Keeps a direct message for an away session; false if there is no such session. */
  boolean keep(String sessionId, OutboundMessage message) {
    AwaySession<E> away = bySession.get(sessionId);
    return away != null && away.keep(message);
  }

  /**
   * The away session that {@code request}'s token names, taken out of the waiting ones; null if
   * there is none (unknown, expired, already recovered, or another principal's).
   */
  AwaySession<E> take(RecoveryRequest request, Principal principal) {
    if (request.token() == null || request.malformed()) {
      return null;
    }
    AwaySession<E> away = byToken.get(request.token());
    if (away == null || !away.mayBeRecoveredBy(principal) || !byToken.remove(request.token(), away)) {
      return null;
    }
    return away;
  }

  /**
   * Gives an away session's rooms and direct messages to the session of the new connection (which
   * has its id): replays what each room's history still holds after the client's offset, or after
   * the session's join offset where the client named none, and queues the direct messages. Returns
   * the {@code $session} frame, which tells the client how each came back.
   */
  byte[] recover(AwaySession<E> away, SessionPipeline<E> pipeline, RecoveryRequest request) {
    ServerSession session = pipeline.session();
    ServerSession old = away.session();
    Map<String, SessionFrame.Outcome> rooms = new LinkedHashMap<>();
    for (String room : List.copyOf(old.rooms())) {
      long offset = old.joinOffset(room);
      String epoch = null;
      RecoveryRequest.RoomOffset had = request.offsets().get(room);
      if (had != null) {
        offset = Math.max(offset, had.offset());
        epoch = had.epoch();
      }
      RoomRegistry.Recovery outcome = session.recoverRoom(room, offset, epoch);
      rooms.put(room, new SessionFrame.Outcome(outcome.recovered(), outcome.missed()));
    }
    SessionFrame.Outcome direct = away.handOver(session);
    bySession.remove(old.id(), away);
    return SessionFrame.recovered(session.id(), pipeline.recoveryToken(), rooms, direct);
  }

  /** Closes every away session now (the server is stopping). */
  void expireAll() {
    for (AwaySession<E> away : List.copyOf(bySession.values())) {
      expire(away);
    }
  }

  private void expire(AwaySession<E> away) {
    boolean waiting = byToken.remove(away.token(), away);
    if (waiting && bySession.remove(away.session().id(), away)) {
      expire.accept(away.pipeline());
    }
  }
}
