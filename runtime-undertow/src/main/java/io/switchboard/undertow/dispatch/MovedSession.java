package io.switchboard.undertow.dispatch;

import io.switchboard.undertow.cluster.LocalDelivery;
import io.switchboard.undertow.cluster.SharedAwaySessions;
import io.switchboard.undertow.presence.EndpointPresence;
import io.switchboard.undertow.session.ServerSession;
import io.switchboard.undertow.wire.SessionFrame;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A session that another node kept away, taken over here from the record the cluster kept. */
final class MovedSession implements Returning {

  private static final Logger LOG = LoggerFactory.getLogger(MovedSession.class);

  private final String endpoint;
  private final SharedAwaySessions.Moved moved;
  private final AwayRecord record;
  private final SharedAwaySessions cluster;

  MovedSession(String endpoint, SharedAwaySessions.Moved moved, SharedAwaySessions cluster) {
    this.endpoint = endpoint;
    this.moved = moved;
    this.record = AwayRecord.decode(moved.record());
    this.cluster = cluster;
  }

  @Override
  public String id() {
    return moved.sessionId();
  }

  /** Those of its attributes whose values were strings: the others stayed on the old node. */
  @Override
  public Map<String, Object> attributes() {
    return Map.copyOf(record.attributes());
  }

  @Override
  public Map<String, Long> rooms() {
    return record.rooms();
  }

  /** Its claims are taken again here (the cluster gives a session's claims to it on any node). */
  @Override
  public void restorePresence(ServerSession session, EndpointPresence presence) {
    record.claims().forEach(
        (attribute, value) -> {
          if (!presence.claim(session, attribute, value)) {
            LOG.warn("{} came back from node {} without its claim {}={}: taken meanwhile", session,
                moved.fromNode(), attribute, value);
          }
        });
    if (record.presence() != null) {
      presence.track(session, record.presence());
    }
  }

  /** Registered first: the node it moved from answers once this node hears the session's channel. */
  @Override
  public SessionFrame.Outcome handOverDirect(ServerSession session, Runnable register) {
    register.run();
    try {
      LocalDelivery.Kept kept =
          cluster.handOver(endpoint, id(), moved.fromNode()).toCompletableFuture()
              .get(SharedAwaySessions.HAND_OVER_TIMEOUT.toMillis() * 2, TimeUnit.MILLISECONDS);
      return kept == null
          ? new SessionFrame.Outcome(false, 0)
          : new SessionFrame.Outcome(kept.complete(), kept.messages().size());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new SessionFrame.Outcome(false, 0);
    } catch (Exception e) {
      LOG.debug("direct messages of {} not handed over by node {}", session, moved.fromNode(), e);
      return new SessionFrame.Outcome(false, 0);
    }
  }
}
