package com.example.chat;

import io.switchboard.WsMessage;
import java.time.Instant;

/** A reading of the sensor: the reply to {@code temp} and the data of the {@code temp} event. */
@WsMessage
public record Temperature(double celsius, Instant at) {}
