package dev.freshet.connections;

import java.time.Duration;

/** Waits between retries and device-flow polls; tests pass one that records instead of waiting. */
interface Sleeper {
  void sleep(Duration d) throws InterruptedException;

  Sleeper REAL = d -> Thread.sleep(Math.max(0, d.toMillis()));
}
