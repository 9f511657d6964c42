package com.example.bench;

import io.switchboard.WsEndpoint;

/**
 * The fan-out benchmark's endpoint: subscribers connect and only listen; every push comes from
 * the server handle's {@link io.switchboard.Broadcaster} or sessions, with no client trigger.
 */
@WsEndpoint("/ticker")
public class TickerEndpoint {}
