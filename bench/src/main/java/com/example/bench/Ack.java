package com.example.bench;

/** The small reply of the dispatch benchmark's commands. */
public record Ack(String id, int items) {}
