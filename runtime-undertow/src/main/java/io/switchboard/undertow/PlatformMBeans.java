package io.switchboard.undertow;

import java.lang.management.ManagementFactory;

/**
 * Starts the JDK's platform MBean server early, on a thread of its own. XNIO registers its MBeans
 * when the server starts, with no way to turn that off, and the first registration creates the
 * platform MBean server with every platform MXBean: the largest single piece of start-up. Begun
 * while the builder reads settings and the runtime loads dispatchers and codecs, it overlaps them
 * on a second core instead of following them.
 */
final class PlatformMBeans {

  private static volatile boolean started;

  private PlatformMBeans() {}

  static void createInBackground() {
    if (started) {
      return;
    }
    started = true;
    Thread thread = new Thread(ManagementFactory::getPlatformMBeanServer, "switchboard-mbeans");
    thread.setDaemon(true);
    thread.start();
  }
}
