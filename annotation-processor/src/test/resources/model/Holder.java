package model;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.WsMessage;

@WsMessage
public record Holder(String label, JsonNode extra) {}
