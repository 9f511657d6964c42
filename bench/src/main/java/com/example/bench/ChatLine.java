package com.example.bench;

import io.switchboard.WsMessage;

/** A chat line as a chat room pushes it: mostly short strings, one timestamp in epoch millis. */
@WsMessage
public record ChatLine(String room, String from, String text, long sentAt) {}
