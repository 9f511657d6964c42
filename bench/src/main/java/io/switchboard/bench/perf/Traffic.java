package io.switchboard.bench.perf;

import java.nio.ByteBuffer;

/** What a load's connections do, called on their selector thread. */
interface Traffic {

  /** The selector loop has started: send what goes first. */
  void start(Connection connection);

  /** A whole text message arrived; {@code payload} is valid only during the call. */
  void onText(Connection connection, ByteBuffer payload);

  /** Nothing to send and nothing expected, e.g. idle connections; any message is still counted. */
  Traffic IDLE =
      new Traffic() {
        @Override
        public void start(Connection connection) {}

        @Override
        public void onText(Connection connection, ByteBuffer payload) {
          connection.load().error("an idle connection received a message");
        }
      };
}
