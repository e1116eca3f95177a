package dev.freshet.bench;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * string.dg: 100,000 × {@code s.subString(k, k + 20).toUpperCase().indexOf("O")} on a 40-character text, k from
 * the prepared list (0 .. 19 over and over), summing the positions; Java calls substring / toUpperCase / indexOf.
 * Target ≤ 3×.
 */
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class StringBench extends NumbersBench {
  static final String TEXT = "the quick brown fox jumps over a lazy do";

  private String s = TEXT;

  @Setup
  public void setup() {
    prepare("string.dg", BenchSupport.numbers(100_000, 20));
    BenchSupport.same("string.dg", deluge(), java());
  }

  @Benchmark
  public long java() {
    long total = 0;
    for (Long k : numbers) {
      int from = k.intValue();
      total = total + s.substring(from, from + 20).toUpperCase(Locale.ROOT).indexOf("O");
    }
    return total;
  }
}
