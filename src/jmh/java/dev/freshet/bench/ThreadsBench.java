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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One compiled script on one engine, run by 1, 2 and 16 threads at once: the throughput (runs per millisecond, all
 * threads together) at 2 threads should be at least 1.7 times that at 1 thread on a 2-core machine. The script is
 * fib.dg with n = 18 (4,181 calls, CPU-bound, little allocation). The ratio is only meaningful when the machine has
 * two otherwise idle cores; ScalingTest checks the same engine for lock contention without using wall time.
 */
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ThreadsBench {
  private Script script;
  private Map<String, Object> bindings;

  @Setup
  public void setup() {
    script = BenchSupport.compileRaised("fib.dg", "n");
    bindings = Map.of("n", 18L);
    BenchSupport.same("fib(18)", run(), 2584L);
  }

  private Object run() {
    return script.run(bindings).value();
  }

  @Benchmark
  @Threads(1)
  public Object oneThread() {
    return run();
  }

  @Benchmark
  @Threads(2)
  public Object twoThreads() {
    return run();
  }

  @Benchmark
  @Threads(16)
  public Object sixteenThreads() {
    return run();
  }
}
