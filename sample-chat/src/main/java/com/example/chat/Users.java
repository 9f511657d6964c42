package com.example.chat;

import java.util.List;

/**
 * The reply to {@code users}: the members of the caller's room, sorted by name, and how many
 * sessions are connected in all rooms together.
 */
public record Users(String room, List<User> users, int online) {}
