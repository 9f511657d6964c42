package model;

import io.switchboard.WsMessage;

@WsMessage
public record Empty() {}
