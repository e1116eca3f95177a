package dev.freshet.bench;

import dev.freshet.api.Script;
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

/** fib.dg: a recursive user function, fib(25) = 75025 in 242,785 calls; the same recursion in Java. Target ≤ 30×. */
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FibBench {
  static final long N = 25;

  private Script script;
  private Map<String, Object> bindings;
  /** Read by the baseline from a field, so the JIT cannot fold fib(25) into a constant. */
  private long n = N;

  @Setup
  public void setup() {
    script = BenchSupport.compileRaised("fib.dg", "n");
    bindings = Map.of("n", N);
    BenchSupport.same("fib.dg", deluge(), java());
    BenchSupport.same("fib(25)", java(), 75_025L);
  }

  @Benchmark
  public Object deluge() {
    return script.run(bindings).value();
  }

  @Benchmark
  public long java() {
    return fib(n);
  }

  static long fib(long n) {
    if (n < 2) {
      return n;
    }
    return fib(n - 1) + fib(n - 2);
  }
}
