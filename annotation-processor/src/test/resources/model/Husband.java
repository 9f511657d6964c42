package model;

import io.switchboard.WsMessage;

@WsMessage
public record Husband(String name, Wife wife) {}
