package com.example.chat;

import io.switchboard.WsMessage;

/** The {@code renamed} event: a member of the room changed their name. */
@WsMessage
public record Renamed(String id, String from, String to, String room) {}
