package io.switchboard.undertow.dispatch;

import io.switchboard.undertow.presence.EndpointPresence;
import io.switchboard.undertow.session.ServerSession;
import io.switchboard.undertow.wire.SessionFrame;
import java.util.Map;

/**
 * A session whose client came back with its token: kept away on this node ({@link AwaySession}),
 * or on another node of the cluster ({@link MovedSession}). What the new connection's session
 * takes from it.
 */
interface Returning {

  String id();

  /** The attributes the session carries on (the new handshake's win over these). */
  Map<String, Object> attributes();

  /** Its rooms, each with its join offset. */
  Map<String, Long> rooms();

  /** Its presence entry and claims now follow {@code session}. */
  void restorePresence(ServerSession session, EndpointPresence presence);

  /**
   * Queues for {@code session} the direct messages kept for it, in order, and has {@code register}
   * make it reachable for new ones, so that none is missed or comes twice.
   */
  SessionFrame.Outcome handOverDirect(ServerSession session, Runnable register);
}
