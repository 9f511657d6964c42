package com.example.chat;

/** One member of a room, as {@code users} lists it. */
public record User(String id, String name) {}
