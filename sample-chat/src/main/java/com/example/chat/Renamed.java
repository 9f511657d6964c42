package com.example.chat;

/** The {@code renamed} event: a member of the room changed their name. */
public record Renamed(String id, String from, String to, String room) {}
