package dev.freshet.runtime;

import java.time.Instant;
import java.time.ZoneId;
import java.util.random.RandomGenerator;

/** What built-ins may ask of the running engine: its clock, zone and seedable random source (DECISIONS §26). */
public interface Env {
  ZoneId zone();

  Instant now();

  RandomGenerator random();
}
