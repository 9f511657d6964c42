package com.example.bench;

import java.util.List;

/** The arguments of the comparison's JSON {@code echo} command, sent back as its result. */
public record EchoArgs(String user, long seq, boolean urgent, List<String> tags) {}
