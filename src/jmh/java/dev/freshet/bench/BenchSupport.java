package dev.freshet.bench;

import dev.freshet.api.Engine;
import dev.freshet.api.Script;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What the benchmarks share: their Deluge scripts and data (src/jmh/resources/dev/freshet/bench, also run once by
 * BenchScriptsTest), and engines as a host would configure them: UTC, a fixed clock, info output dropped, and either
 * Zoho's default execution limits ({@link #ENGINE}) or limits raised for the issue-7 scripts ({@link #RAISED}).
 */
final class BenchSupport {
  private BenchSupport() {}

  static final Engine ENGINE = Engine.builder().zone(ZoneOffset.UTC)
      .clock(Clock.fixed(Instant.parse("2024-03-08T14:30:15Z"), ZoneOffset.UTC)).output(line -> {}).build();

  /**
   * The issue-7 scripts run far more than Zoho's 200,000 statements (the loop runs 2,000,000; fib(25) makes 242,785
   * calls), so they run on an engine with the statement limit out of the way, a call depth of 1,000 and a 10-minute
   * timeout. The limits are still checked on every statement, as on any engine.
   */
  static final Engine RAISED = Engine.builder().zone(ZoneOffset.UTC)
      .clock(Clock.fixed(Instant.parse("2024-03-08T14:30:15Z"), ZoneOffset.UTC)).output(line -> {})
      .maxStatements(Long.MAX_VALUE).maxDepth(1_000).timeout(Duration.ofMinutes(10)).build();

  static String resource(String name) {
    try (InputStream in = BenchSupport.class.getResourceAsStream(name)) {
      return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Script compile(String scriptName, String... variables) {
    return ENGINE.compile(scriptName, resource(scriptName), variables);
  }

  /** As {@link #compile}, on the engine with raised limits. */
  static Script compileRaised(String scriptName, String... variables) {
    return RAISED.compile(scriptName, resource(scriptName), variables);
  }

  /**
   * The prepared list {@code numbers}: {@code count} values {@code i % modulo} for i = 0, 1, …, as a host holds it
   * (an unmodifiable {@code List<Long>}). The script's binding and the Java baseline's argument are the same object;
   * {@code Script.run} converts it into a Deluge LIST on every run (see docs/performance.md), the baseline reads it as
   * it is.
   */
  static List<Long> numbers(int count, long modulo) {
    List<Long> out = new ArrayList<>(count);
    for (long i = 0; i < count; i++) {
      out.add(i % modulo);
    }
    return Collections.unmodifiableList(out);
  }

  /** The numbers 0 .. count - 1. */
  static List<Long> numbers(int count) {
    return numbers(count, Long.MAX_VALUE);
  }

  /** The Deluge script and its Java baseline must do the same work: checked once before measuring. */
  static void same(String what, Object deluge, Object java) {
    if (!deluge.equals(java)) {
      throw new IllegalStateException(what + ": the script and the Java baseline disagree\n  deluge: " + deluge
          + "\n  java:   " + java);
    }
  }
}
