package com.example.chat;

/**
 * The payload of {@code say}: {@code {"cmd":"say","data":{"text":"hi"}}}, or the text line {@code
 * say hi} (a type with a single String property is built from the line's argument).
 */
public record ChatLine(String text) {}
