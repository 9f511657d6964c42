package com.example.chat;

/**
 * Who is where: the data of the {@code welcome} event (to the new session itself) and of the {@code
 * joined} and {@code left} events (to the room).
 */
public record Member(String id, String name, String room) {}
