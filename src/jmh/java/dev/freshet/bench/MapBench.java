package dev.freshet.bench;

import java.util.LinkedHashMap;
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
 * map.dg: put 50,000 keys {@code "k" + i} → i, then sum the values by iterating {@code keys()}; Java does the same
 * with a LinkedHashMap (a Deluge map keeps insertion order, so that is the same structure). Target ≤ 3×.
 */
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MapBench extends NumbersBench {
  @Setup
  public void setup() {
    prepare("map.dg", BenchSupport.numbers(50_000));
    BenchSupport.same("map.dg", deluge(), java());
    BenchSupport.same("map sum", java(), 1_249_975_000L);
  }

  @Benchmark
  public long java() {
    Map<String, Long> m = new LinkedHashMap<>();
    for (Long i : numbers) {
      m.put("k" + i, i);
    }
    long sum = 0;
    for (String k : m.keySet()) {
      sum = sum + m.get(k);
    }
    return sum;
  }
}
