package dev.freshet.bench;

import dev.freshet.api.Engine;
import dev.freshet.api.Script;
import java.time.Duration;
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
 * The two tiers side by side in one run (issue 18): fib(25) ({@code fib.dg}) and the nested loop ({@code nested.dg},
 * sum of i * i over 1,000 × 1,000 steps), each on an engine with the compiled tier at its default policy (the code
 * proves hot during warm-up and is compiled) and on one with it off, beside the same algorithm in plain Java.
 */
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TierBench {
  private Script fibCompiled;
  private Script fibInterpreted;
  private Script nestedCompiled;
  private Script nestedInterpreted;
  private final Map<String, Object> bindings = Map.of("n", 25L);
  private long n = 25;
  private List<Long> digits;

  private static Engine engine(boolean compile) {
    return Engine.builder().output(line -> {}).maxStatements(Long.MAX_VALUE).maxDepth(1_000)
        .timeout(Duration.ofMinutes(10)).compile(compile).build();
  }

  @Setup
  public void setup() {
    Engine on = engine(true);
    Engine off = engine(false);
    fibCompiled = on.compile("fib.dg", BenchSupport.resource("fib.dg"), "n");
    fibInterpreted = off.compile("fib.dg", BenchSupport.resource("fib.dg"), "n");
    nestedCompiled = on.compile("nested.dg", BenchSupport.resource("nested.dg"));
    nestedInterpreted = off.compile("nested.dg", BenchSupport.resource("nested.dg"));
    digits = BenchSupport.numbers(10);
    BenchSupport.same("fib.dg", fibCompiled(), fibJava());
    BenchSupport.same("fib.dg interpreted", fibInterpreted(), fibJava());
    BenchSupport.same("nested.dg", nestedCompiled(), nestedJava());
    BenchSupport.same("nested.dg interpreted", nestedInterpreted(), nestedJava());
    BenchSupport.same("nested", nestedJava(), 333_332_833_333_500_000L);
  }

  @Benchmark
  public Object fibCompiled() {
    return fibCompiled.run(bindings).value();
  }

  @Benchmark
  public Object fibInterpreted() {
    return fibInterpreted.run(bindings).value();
  }

  @Benchmark
  public long fibJava() {
    return FibBench.fib(n);
  }

  @Benchmark
  public Object nestedCompiled() {
    return nestedCompiled.run(Map.of()).value();
  }

  @Benchmark
  public Object nestedInterpreted() {
    return nestedInterpreted.run(Map.of()).value();
  }

  /** The workload in Java as a host would write it: boxed lists, long arithmetic. */
  @Benchmark
  public long nestedJava() {
    return NestedLoopBench.inJava(digits);
  }
}
