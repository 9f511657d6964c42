package io.switchboard.undertow;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the JDK's platform MBean server early, on a thread of its own. XNIO registers its MBeans
 * when the server starts, with no way to turn that off, and the first registration creates the
 * platform MBean server with every platform MXBean: the largest single piece of start-up. Begun
 * while the builder reads settings and the runtime loads dispatchers and codecs, it overlaps them
 * on a second core instead of following them. Nothing depends on it: if it cannot start or fails,
 * XNIO makes the server itself, as it always did.
 */
final class PlatformMBeans {

  private static final Logger LOG = LoggerFactory.getLogger(PlatformMBeans.class);
  private static final AtomicBoolean STARTED = new AtomicBoolean();

  private PlatformMBeans() {}

  static void createInBackground() {
    if (!STARTED.compareAndSet(false, true)) {
      return;
    }
    try {
      Thread thread = new Thread(PlatformMBeans::create, "switchboard-mbeans");
      thread.setDaemon(true);
      thread.start();
    } catch (RuntimeException | OutOfMemoryError e) { // no thread to spare: XNIO will do it
      LOG.debug("platform MBean server not started early", e);
    }
  }

  private static void create() {
    try {
      ManagementFactory.getPlatformMBeanServer();
    } catch (RuntimeException | Error e) {
      LOG.debug("platform MBean server not started early", e);
    }
  }
}
