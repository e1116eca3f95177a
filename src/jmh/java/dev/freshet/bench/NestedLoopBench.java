package dev.freshet.bench;

import dev.freshet.api.Script;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * nested.dg: issue 18's loop workload as written (nested for-each loops, reassigned variables, NUMBER arithmetic,
 * 1,000,000 inner steps, no bindings); Java does the same with the same lists, {@code List<Long>}. Target ≤ 30×.
 */
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class NestedLoopBench {
  private Script script;
  /** Read by the baseline from a field, so the JIT cannot fold the whole computation into a constant. */
  private List<Long> digits = List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);

  @Setup
  public void setup() {
    script = BenchSupport.compileRaised("nested.dg");
    BenchSupport.same("nested.dg", deluge(), java());
    BenchSupport.same("nested sum", java(), 333_332_833_333_500_000L);
  }

  @Benchmark
  public Object deluge() {
    return script.run(Map.of()).value();
  }

  @Benchmark
  public long java() {
    return inJava(digits);
  }

  /** The workload in Java as a host would write it: boxed lists, long arithmetic (TierBench's baseline too). */
  static long inJava(List<Long> digits) {
    List<Long> thousand = new ArrayList<>();
    for (long a : digits) {
      for (long b : digits) {
        for (long c : digits) {
          thousand.add(a * 100 + b * 10 + c);
        }
      }
    }
    long s = 0;
    for (long hi : thousand) {
      for (long lo : thousand) {
        long i = hi * 1000 + lo;
        s = s + i * i;
      }
    }
    return s;
  }
}
