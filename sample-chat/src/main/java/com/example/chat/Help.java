package com.example.chat;

import java.util.List;

/**
 * The reply to {@code help}: the commands of the endpoint, straight from its generated dispatch
 * table, and how to send them.
 */
public record Help(List<Command> commands, String usage) {

  /**
   * One command.
   *
   * @param argument whether it takes an argument ({@code name Ada}, {@code say hi})
   */
  public record Command(String name, boolean argument) {}
}
