package dev.freshet.bench;

import dev.freshet.api.Engine;
import dev.freshet.api.Script;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * What the benchmarks share: their Deluge scripts and data (src/jmh/resources/dev/freshet/bench, also run once by
 * BenchScriptsTest), and an engine as a host would configure it: UTC, a fixed clock, info output dropped, Zoho's
 * default execution limits.
 */
final class BenchSupport {
  private BenchSupport() {}

  static final Engine ENGINE = Engine.builder().zone(ZoneOffset.UTC)
      .clock(Clock.fixed(Instant.parse("2024-03-08T14:30:15Z"), ZoneOffset.UTC)).output(line -> {}).build();

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

  /** The Deluge script and its Java baseline must do the same work: checked once before measuring. */
  static void same(String what, Object deluge, Object java) {
    if (!deluge.equals(java)) {
      throw new IllegalStateException(what + ": the script and the Java baseline disagree\n  deluge: " + deluge
          + "\n  java:   " + java);
    }
  }
}
