package com.example.chat.conformance;

import com.example.chat.ChatOptions;
import com.example.chat.Main;
import io.switchboard.undertow.SwitchboardServer;

/** Starts the sample as its jar does, on a free loopback port. */
final class SampleServer {

  private SampleServer() {}

  /** The sample exactly as it ships. */
  static SwitchboardServer start() {
    return Main.start(ChatOptions.parse("--port", "0", "--host", "127.0.0.1"));
  }

  /**
   * The sample with permessage-deflate switched on from outside, as {@code
   * SWITCHBOARD_COMPRESSION=true java -jar …} would (the sample leaves the key to configuration).
   */
  static SwitchboardServer startCompressed() {
    return startWith("switchboard.compression", "true");
  }

  /**
   * The sample with one setting made from outside, as {@code -Dswitchboard.<key>=<value>} on its
   * command line would; the property is only set while the server reads its configuration.
   */
  static SwitchboardServer startWith(String key, String value) {
    String before = System.getProperty(key);
    System.setProperty(key, value);
    try {
      return start();
    } finally {
      if (before == null) {
        System.clearProperty(key);
      } else {
        System.setProperty(key, before);
      }
    }
  }
}
