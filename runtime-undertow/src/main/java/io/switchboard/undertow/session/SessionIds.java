package io.switchboard.undertow.session;

import java.security.SecureRandom;
import java.util.Base64;

/** Session ids: 96 random bits, URL-safe base64 (16 characters), unguessable by other clients. */
final class SessionIds {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  private SessionIds() {}

  static String next() {
    byte[] bytes = new byte[12];
    RANDOM.nextBytes(bytes);
    return ENCODER.encodeToString(bytes);
  }
}
