package io.switchboard.processor;

import java.util.Set;

/**
 * Keys for the contract documents: AsyncAPI allows letters, digits, {@code .}, {@code -} and
 * {@code _} in component keys, and a key is also part of a {@code $ref} pointer; a command or a
 * path may hold anything else. Each key is made unique within its map.
 */
final class Identifiers {

  private Identifiers() {}

  /** {@code /items/{item}} → {@code items_item}, {@code /} → {@code root}. */
  static String of(String text) {
    String key = text.replaceAll("[^A-Za-z0-9_-]+", "_").replaceAll("^_+|_+$", "");
    return key.isEmpty() ? "root" : key;
  }

  /** The key, or the key with a number, whichever is not taken yet; it is taken then. */
  static String unique(String key, Set<String> taken) {
    String candidate = key;
    for (int i = 2; !taken.add(candidate); i++) {
      candidate = key + "_" + i;
    }
    return candidate;
  }
}
