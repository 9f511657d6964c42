package io.switchboard.bench.fanout;

import com.example.bench.Tick;

/** How the server pushes one tick to every open session of the endpoint. */
interface PushMode {

  /** A short name for the report. */
  String name();

  /** Pushes {@code tick} as {@code {"event":"tick","data":…}} to every open session. */
  void push(Tick tick) throws Exception;

  /** JSON encodings made so far (a running count), to show how many each broadcast costs. */
  long encodes();
}
