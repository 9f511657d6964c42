package com.example.chat;

import java.time.Instant;

/**
 * The {@code chat} event: one line said in a room, pushed to every member including the sender, so
 * everyone sees the same order.
 *
 * @param id the sender's session id
 * @param from the sender's name when the line was said
 */
public record ChatMessage(String id, String from, String room, String text, Instant at) {}
