package io.switchboard.undertow.dispatch;

import io.switchboard.CloseReason;
import io.switchboard.undertow.StatusCodes;
import io.switchboard.undertow.broadcast.RoomRegistry;
import io.switchboard.undertow.cluster.ClusterBus;
import io.switchboard.undertow.cluster.LocalDelivery;
import io.switchboard.undertow.cluster.SharedAwaySessions;
import io.switchboard.undertow.cluster.Target;
import io.switchboard.undertow.presence.EndpointPresence;
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
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Session recovery for one endpoint ({@code docs/broadcast.md}, "History and recovery"). A session
 * whose client asked for it and whose connection dropped without a close (1006, or no pong) is kept
 * away for the recovery window instead of closed: out of its rooms' member lists, but with its
 * room names, join offsets, presence entry and claims, and the direct messages sent to it. A new
 * connection that presents its token within the window takes it over: same id, rooms and presence,
 * the pushes it missed replayed in order, and no {@code @OnOpen}. When the window passes, the
 * session closes as it would have: {@code @OnClose} with 1006.
 *
 * <p>With a cluster bus that shares away sessions ({@link SharedAwaySessions}), the client may come
 * back through any node: the node that kept the session stores a record of it in the cluster, and
 * exactly one node ends it, the one that takes it over (the other ends its copy without {@code
 * @OnClose}) or the one that kept it once the window passed.
 */
final class Recovery<E> {

  private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);

  private static final SecureRandom RANDOM = new SecureRandom();
  /** How long a recovery waits for the cluster's answers (history, the token's record). */
  private static final Duration CLUSTER_TIMEOUT = Duration.ofSeconds(2);

  private final String endpoint;
  private final Duration window;
  private final int maxDirect;
  private final ClusterBus bus;
  private final SharedAwaySessions cluster;
  private final EndpointPresence presence;
  private final Consumer<SessionPipeline<E>> expire;
  private final Consumer<SessionPipeline<E>> movedAway;
  private final Map<String, AwaySession<E>> byToken = new ConcurrentHashMap<>();
  private final Map<String, AwaySession<E>> bySession = new ConcurrentHashMap<>();

  /**
   * @param expire closes a session whose window passed, as a dropped connection closes
   * @param movedAway ends a session another node took over, without {@code @OnClose}
   */
  Recovery(
      String endpoint,
      Duration window,
      int maxDirect,
      ClusterBus bus,
      EndpointPresence presence,
      Consumer<SessionPipeline<E>> expire,
      Consumer<SessionPipeline<E>> movedAway) {
    this.endpoint = endpoint;
    this.window = window;
    this.maxDirect = maxDirect;
    this.bus = bus;
    this.cluster = bus.sharedAwaySessions();
    this.presence = presence;
    this.expire = expire;
    this.movedAway = movedAway;
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

  /** A session whose client asked for recovery opened here: the cluster learns where it is. */
  void opened(SessionPipeline<E> pipeline, Principal principal) {
    if (cluster != null) {
      cluster.opened(endpoint, pipeline.recoveryToken(), pipeline.session().id(), nameOf(principal));
    }
  }

  /** A session whose client asked for recovery ended with a close: nobody can take it over. */
  void closed(SessionPipeline<E> pipeline) {
    if (cluster != null && pipeline.recoveryToken() != null) {
      cluster.ended(endpoint, pipeline.recoveryToken());
    }
  }

  private static String nameOf(Principal principal) {
    return principal == null ? null : principal.getName();
  }

  /** Keeps a session whose connection dropped, until it is recovered or the window passes. */
  void keepAway(SessionPipeline<E> pipeline, Principal principal) {
    AwaySession<E> away = new AwaySession<>(pipeline, principal, maxDirect);
    String id = away.session().id();
    bySession.put(id, away);
    byToken.put(away.token(), away);
    if (cluster != null) {
      bus.subscribe(Target.session(endpoint, id)); // direct messages from other nodes are kept too
      EndpointPresence.Held held = presence.held(id);
      byte[] record =
          new AwayRecord(away.rooms(), held.attributes(), held.claims(), AwayRecord.stringsOf(away.attributes()))
              .encode();
      cluster.keep(endpoint, away.token(), id, nameOf(principal), record, window);
    }
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
   * The away session that {@code request}'s token names, taken out of the waiting ones, on this
   * node or, with a shared cluster, on another; null if there is none (unknown, expired, already
   * recovered, or another principal's).
   */
  Returning take(RecoveryRequest request, Principal principal) {
    if (request.token() == null || request.malformed()) {
      return null;
    }
    AwaySession<E> away = byToken.get(request.token());
    if (away != null) {
      if (!away.mayBeRecoveredBy(principal) || !byToken.remove(request.token(), away)) {
        return null;
      }
      if (cluster != null && !await(cluster.takeBack(endpoint, away.token()), true)) {
        return null; // another node took it over a moment ago: its notice ends it here
      }
      return away;
    }
    if (cluster == null) {
      return null;
    }
    SharedAwaySessions.Moved moved =
        cluster.takeOver(endpoint, request.token(), nameOf(principal));
    return moved == null ? null : new MovedSession(endpoint, moved, cluster);
  }

  /**
   * Gives a returning session's rooms and direct messages to the session of the new connection
   * (which has its id): replays what each room's history still holds after the client's offset,
   * or after the session's join offset where the client named none, and queues the direct
   * messages; {@code register} makes the session reachable. Returns the {@code $session} frame,
   * which tells the client how each came back.
   */
  byte[] recover(Returning back, SessionPipeline<E> pipeline, RecoveryRequest request, Runnable register) {
    ServerSession session = pipeline.session();
    Map<String, CompletionStage<RoomRegistry.Recovery>> replays = new LinkedHashMap<>();
    for (Map.Entry<String, Long> joined : back.rooms().entrySet()) {
      String room = joined.getKey();
      long offset = joined.getValue();
      String epoch = null;
      RecoveryRequest.RoomOffset had = request.offsets().get(room);
      if (had != null) {
        offset = Math.max(offset, had.offset());
        epoch = had.epoch();
      }
      replays.put(room, session.recoverRoom(room, offset, epoch));
    }
    Map<String, SessionFrame.Outcome> rooms = new LinkedHashMap<>();
    replays.forEach(
        (room, replay) -> {
          RoomRegistry.Recovery outcome = await(replay, null);
          rooms.put(room, outcome == null
              ? new SessionFrame.Outcome(false, 0)
              : new SessionFrame.Outcome(outcome.recovered(), outcome.missed()));
        });
    SessionFrame.Outcome direct = back.handOverDirect(session, register);
    if (back instanceof AwaySession<?> away) {
      bySession.remove(away.id(), away);
    }
    return SessionFrame.recovered(session.id(), pipeline.recoveryToken(), rooms, direct);
  }

  /**
   * Another node took over a session kept away here: it ends here without {@code @OnClose}, and
   * the direct messages kept for it go to that node.
   */
  LocalDelivery.Kept movedAway(String sessionId) {
    AwaySession<E> away = bySession.remove(sessionId);
    if (away == null) {
      return null;
    }
    byToken.remove(away.token(), away);
    LocalDelivery.Kept kept = away.movedAway();
    bus.unsubscribe(Target.session(endpoint, sessionId));
    movedAway.accept(away.pipeline());
    LOG.info("{} was taken over by another node", away.session());
    return kept;
  }

  /** Closes every away session now (the server is stopping). */
  void expireAll() {
    for (AwaySession<E> away : List.copyOf(bySession.values())) {
      if (byToken.remove(away.token(), away)
          && (cluster == null || await(cluster.takeBack(endpoint, away.token()), true))) {
        closeExpired(away);
      }
    }
  }

  private void expire(AwaySession<E> away) {
    if (!byToken.remove(away.token(), away)) {
      return; // recovered, here or elsewhere
    }
    if (cluster == null) {
      closeExpired(away);
      return;
    }
    bus.unsubscribe(Target.session(endpoint, away.id()));
    cluster.takeBack(endpoint, away.token())
        .whenComplete(
            (ours, error) -> {
              if (error != null || ours) {
                closeExpired(away);
              } // else another node took it over: its notice ends it here
            });
  }

  private void closeExpired(AwaySession<E> away) {
    if (bySession.remove(away.id(), away)) {
      expire.accept(away.pipeline());
    }
  }

  /** The stage's value, or {@code otherwise} if it failed or the cluster did not answer in time. */
  private static <T> T await(CompletionStage<T> stage, T otherwise) {
    try {
      return stage.toCompletableFuture().get(CLUSTER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return otherwise;
    } catch (Exception e) {
      LOG.debug("the cluster did not answer a recovery in time", e);
      return otherwise;
    }
  }
}
