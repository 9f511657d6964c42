package io.switchboard.undertow;

/**
 * The entry point: {@code Switchboard.server().port(8080).start();} serves every endpoint the
 * annotation processor generated a dispatcher for, and the static files under {@code /web}.
 */
public final class Switchboard {

  private Switchboard() {}

  /** A builder for a server, preset from system properties and environment variables. */
  public static ServerBuilder server() {
    PlatformMBeans.createInBackground();
    return new ServerBuilder(Settings.fromSystem());
  }
}
