package model;

import io.switchboard.WsMessage;
import java.util.List;

@WsMessage
public record Order(long id, List<Item> items, String note) {}
