package model;

import io.switchboard.WsMessage;

@WsMessage
public record Note(String text) {}
