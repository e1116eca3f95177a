package dev.freshet.bench;

import dev.freshet.api.Engine;
import dev.freshet.api.Script;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The first run of a script in a fresh JVM, as {@code freshet run} runs it: one run per fork, nothing warmed. With
 * the default policy a loop that has made 1,000,000 iterations switches to compiled code in its middle: on
 * {@code longerloop.dg} (90,000,000 steps) and {@code longloop.dg} (9,000,000); {@code nested.dg} (1,000,000 steps)
 * stays below the threshold. {@code interpreted} is the same engine with the compiled tier off, the baseline of the
 * same run.
 *
 * <pre>
 *   java -jar target/benchmarks.jar FirstRunBench
 * </pre>
 */
@Fork(5)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FirstRunBench {
  @Param({"longerloop.dg", "longloop.dg", "nested.dg"})
  public String script;

  @Param({"interpreted", "default"})
  public String tier;

  private Script compiled;

  @Setup
  public void setup() {
    Engine.Builder b = Engine.builder().output(line -> {}).maxStatements(Long.MAX_VALUE)
        .timeout(Duration.ofMinutes(10));
    compiled = (tier.equals("interpreted") ? b.compile(false) : b).build()
        .compile(script, BenchSupport.resource(script));
  }

  @Benchmark
  public Object firstRun() {
    return compiled.run(Map.of()).value();
  }
}
