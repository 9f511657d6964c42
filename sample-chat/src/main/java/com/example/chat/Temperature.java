package com.example.chat;

import java.time.Instant;

/** A reading of the sensor: the reply to {@code temp} and the data of the {@code temp} event. */
public record Temperature(double celsius, Instant at) {}
