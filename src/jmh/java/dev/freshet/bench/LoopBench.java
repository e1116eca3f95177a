package dev.freshet.bench;

import java.util.List;
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
 * loop.dg: the sum of i * i for i in 0 .. 999,999, a {@code for each} over a prepared list; Java loops over the same
 * {@code List<Long>}. Target ≤ 30×. {@code bindings} is the part of {@code deluge} spent converting the list.
 */
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LoopBench extends NumbersBench {
  @Setup
  public void setup() {
    prepare("loop.dg", BenchSupport.numbers(1_000_000));
    BenchSupport.same("loop.dg", deluge(), java());
    BenchSupport.same("loop sum", java(), 333_332_833_333_500_000L);
  }

  @Benchmark
  public long java() {
    long sum = 0;
    for (Long i : numbers) {
      sum = sum + i * i;
    }
    return sum;
  }
}
