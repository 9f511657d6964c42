package model;

import io.switchboard.WsMessage;
import java.util.Optional;

@WsMessage
public record Wife(String name, Optional<Husband> husband) {}
