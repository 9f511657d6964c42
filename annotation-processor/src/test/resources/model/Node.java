package model;

import io.switchboard.WsMessage;
import java.util.List;

@WsMessage
public record Node(String name, List<Node> children) {}
